using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.SipAccounts;
using Switchboard.Crm.Teams;
using Switchboard.Crm.Users;

namespace Switchboard.Crm;

public static class CrmEndpoints
{
    /// <summary>
    /// Maps the CRM's HTTP API under <c>/api</c>: login and logout (anonymous), token refresh, the
    /// call log, caller lookup and contact search, colleagues, the signed-in user and their recent calls, user, phone style and team administration
    /// (all of which need a token or the sign-in cookie). Needs <c>AddCrm</c> and <c>AddCrmAuthentication</c>.
    /// </summary>
    public static RouteGroupBuilder MapCrmEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapCallEndpoints();
        api.MapContactEndpoints();
        api.MapMeEndpoints();
        api.MapUserEndpoints();
        api.MapPhoneStyleEndpoint();
        api.MapWebPhoneLinesEndpoint();
        api.MapColleagueEndpoints();
        api.MapSipAccountEndpoints();
        api.MapTeamEndpoints();
        return api;
    }
}
