// TODO(faas-migrate): `require("lp-faas-toolbelt")` in this form is not rewritten; import it from "core-functions-toolbelt" at the top level [toolbelt-import]
const Toolbelt = require("lp-faas-toolbelt").Toolbelt;
// TODO(faas-migrate): `require("lp-faas-toolbelt")` in this form is not rewritten; import it from "core-functions-toolbelt" at the top level [toolbelt-import]
const { LpServices = {} } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  // TODO(faas-migrate): `require("lp-faas-toolbelt")` in this form is not rewritten; import it from "core-functions-toolbelt" at the top level [toolbelt-import]
  const { SecretClient } = require("lp-faas-toolbelt").Toolbelt;
  callback(null, [typeof Toolbelt, LpServices, typeof SecretClient]);
}
