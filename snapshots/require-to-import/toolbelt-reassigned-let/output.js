import * as coreFunctionsToolbelt from "core-functions-toolbelt";

let { Toolbelt } = coreFunctionsToolbelt;

function useMock(mock) {
  Toolbelt = mock;
}

function lambda(input, callback) {
  callback(null, typeof Toolbelt);
}
