// The request after the first call may fail: V1 had answered by then, V2 would fail.
const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      const seen = await httpClient(`https://api.example.com/seen/${input.payload.id}`, { json: true });
      if (seen) {
        callback(null, "duplicate");
      }
      await httpClient(`https://api.example.com/seen/${input.payload.id}`, { method: "PUT" });
      callback(null, "done");
    })().catch(reject);
  });
}
