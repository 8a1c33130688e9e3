// TODO(faas-migrate): V2 does not provide lodash, and `lodash` is used as a value here (called, indexed or passed on): rewrite those uses with members of "es-toolkit/compat", then import that instead [lodash]
const _ = require("lodash");

async function lambda(input, callback) {
    const wrapped = _(input.payload.items).map("id").value();
    const helpers = { _ };
    // TODO(faas-migrate): V2 does not provide lodash, and "es-toolkit/compat" has no `VERSION`: rewrite those uses, then import "es-toolkit/compat" instead [lodash]
    callback(null, { wrapped, helpers, loaded: require("lodash").VERSION });
}
