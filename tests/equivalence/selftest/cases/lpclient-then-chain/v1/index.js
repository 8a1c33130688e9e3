const { Toolbelt, LpServices } = require("lp-faas-toolbelt");
const lpClient = Toolbelt.LpClient();

function lambda(input, callback) {
  lpClient(LpServices.AGENT_VEP, `/api/account/${process.env.BRAND_ID}/status`, {
    method: "GET",
    json: true,
  })
    .then((status) => callback(null, { online: status.online }))
    .catch((err) => callback(err));
}
