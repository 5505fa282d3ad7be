using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Users;

namespace Switchboard.Crm;

public static class CrmEndpoints
{
    /// <summary>
    /// Maps the CRM's HTTP API under <c>/api</c>: login (anonymous), the call log, caller lookup
    /// and the signed-in user (all of which need a token). Needs <c>AddCrm</c> and <c>AddCrmAuthentication</c>.
    /// </summary>
    public static RouteGroupBuilder MapCrmEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapCallEndpoints();
        api.MapContactEndpoints();
        api.MapMeEndpoints();
        return api;
    }
}
