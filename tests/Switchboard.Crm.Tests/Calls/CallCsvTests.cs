using System.Text;
using Switchboard.Crm.Calls;

namespace Switchboard.Crm.Tests.Calls;

public sealed class CallCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("lf\nonly", "\"lf\nonly\"")]
    [InlineData("", "")]
    public void A_field_is_quoted_only_when_it_must_be_with_its_quotes_doubled(string field, string written)
    {
        var line = new StringBuilder();

        CallCsv.AppendRow(line, [field, "next"]);

        Assert.Equal($"{written},next\r\n", line.ToString());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("+", "'+")]
    [InlineData("+7 (495) 123-45-67", "+7 (495) 123-45-67")]
    [InlineData("+74951234567", "+74951234567")]
    [InlineData("84951234567", "84951234567")]
    [InlineData("Ivan", "Ivan")]
    public void Text_a_spreadsheet_would_run_is_prefixed_but_phone_numbers_stay_as_they_are(string field, string written) =>
        Assert.Equal(written, CallCsv.Defused(field));

    [Fact]
    public async Task An_export_of_no_calls_is_the_header_row_alone_after_a_byte_order_mark()
    {
        using var output = new MemoryStream();

        await CallCsv.WriteAsync(output, AsyncEnumerable.Empty<CallLogEntry>(), CancellationToken.None);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("id,pbxCallId,", text, StringComparison.Ordinal);
        Assert.EndsWith("comment\r\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
