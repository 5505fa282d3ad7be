using Switchboard.Server;

var app = await SwitchboardApp.CreateAsync(args);
await app.RunAsync();
