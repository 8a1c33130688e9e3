let { Toolbelt } = require("lp-faas-toolbelt");

function useMock(mock) {
  Toolbelt = mock;
}

function lambda(input, callback) {
  callback(null, typeof Toolbelt);
}
