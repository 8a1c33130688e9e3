const { Toolbelt } = require("lp-faas-toolbelt");

const MODE = 0644;
const LIMITS = [010, 08, 09.5, 0, 0.5, 0x1F, 0o7];
const BELL = "\07", NUL = '\0', LETTER = "\101\102", NINE = "\9", ESCAPED = "\\01";
const table = { "\01": 1, 'tab\11': 2 };

function lambda(input, callback) {
    callback(null, { MODE, LIMITS, BELL, NUL, LETTER, NINE, ESCAPED, keys: Object.keys(table), tpl: `\x41` });
}
