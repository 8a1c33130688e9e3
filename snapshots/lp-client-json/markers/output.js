const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  // TODO(faas-migrate): the options are not an object literal: rewrite this call by hand: V2's LpClient resolves with the fetch `Response` [lp-client-json]
  const a = await lpClient(LpServices.MSG_HIST, "/a", input.payload.options);
  // TODO(faas-migrate): the LpClient option `uri` has no V2 equivalent: rewrite this call by hand: V2's LpClient resolves with the fetch `Response` [lp-client-json]
  const b = await lpClient(LpServices.MSG_HIST, "/b", { json: true, uri: "https://elsewhere.example.com/b" });
  // TODO(faas-migrate): request-promise option `gzip` has no fetch equivalent this tool knows: rewrite this call by hand: V2's LpClient resolves with the fetch `Response` [lp-client-json]
  const c = await lpClient(LpServices.MSG_HIST, "/c", { json: true, gzip: true });
  // TODO(faas-migrate): the call does not have the arguments (service, path, options): rewrite this call by hand: V2's LpClient resolves with the fetch `Response` [lp-client-json]
  const d = await lpClient(LpServices.MSG_HIST);
  // TODO(faas-migrate): `lpClient` (an LpClient) is used here other than by calling it: its calls resolve with the fetch `Response` in V2, so check what receives it [lp-client-json]
  register(lpClient);
  callback(null, { a, b, c, d });
}
