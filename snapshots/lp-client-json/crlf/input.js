var lp = require("lp-faas-toolbelt");
var Toolbelt = lp.Toolbelt;

function lambda(input, callback) {
    var lpClient = Toolbelt.LpClient();
    lpClient(lp.LpServices.AGENT_VEP, "/api/account/1/users/" + input.payload.agentId, { method: "GET", json: true })
        .then(function (user) {
            callback(null, { nickname: user.nickname });
        })
        .catch(function (err) {
            callback(null, { nickname: null, status: err.statusCode });
        });
}
