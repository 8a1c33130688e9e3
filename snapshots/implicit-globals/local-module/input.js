// util.js may read the globals this file assigns: nothing is declared.
const util = require("./util");
function lambda(input, callback) {
    total = 0;
    callback(null, total);
}
