// TODO(faas-migrate): `require("lp-faas-toolbelt")` in this form is not rewritten; import it from "core-functions-toolbelt" at the top level [toolbelt-import]
let { Toolbelt } = require("lp-faas-toolbelt");

function useMock(mock) {
  Toolbelt = mock;
}

function lambda(input, callback) {
  callback(null, typeof Toolbelt);
}
