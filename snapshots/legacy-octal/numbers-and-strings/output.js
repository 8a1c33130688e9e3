const { Toolbelt } = require("lp-faas-toolbelt");

const MODE = 0o644;
const LIMITS = [0o10, 8, 9.5, 0, 0.5, 0x1F, 0o7];
const BELL = "\x07", NUL = '\0', LETTER = "\x41\x42", NINE = "9", ESCAPED = "\\01";
const table = { "\x01": 1, 'tab\x09': 2 };

function lambda(input, callback) {
    callback(null, { MODE, LIMITS, BELL, NUL, LETTER, NINE, ESCAPED, keys: Object.keys(table), tpl: `\x41` });
}
