const { Toolbelt } = require("./local-toolbelt");
async function lambda(input, callback) {
  const url = "https://va.agentvep.liveperson.net/api/" + input.payload.id;
  callback(null, url);
}
