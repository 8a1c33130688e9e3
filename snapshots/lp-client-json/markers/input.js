const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  const a = await lpClient(LpServices.MSG_HIST, "/a", input.payload.options);
  const b = await lpClient(LpServices.MSG_HIST, "/b", { json: true, uri: "https://elsewhere.example.com/b" });
  const c = await lpClient(LpServices.MSG_HIST, "/c", { json: true, gzip: true });
  const d = await lpClient(LpServices.MSG_HIST);
  register(lpClient);
  callback(null, { a, b, c, d });
}
