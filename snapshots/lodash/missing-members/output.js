// TODO(faas-migrate): V2 does not provide lodash, and "es-toolkit/compat" has no `chain`: rewrite those uses, then import "es-toolkit/compat" instead [lodash]
const _ = require("lodash");
// TODO(faas-migrate): V2 does not provide lodash, and "lodash/fp" has no counterpart in "es-toolkit/compat": rewrite its uses with es-toolkit [lodash]
const fp = require("lodash/fp");
// TODO(faas-migrate): V2 does not provide lodash, and "es-toolkit/compat" has no `mixin` module: rewrite its uses with plain JavaScript or es-toolkit [lodash]
const mixinFree = require("lodash/mixin");

async function lambda(input, callback) {
    const names = _.chain(input.payload.items).map("name").uniq().value();
    callback(null, { names, first: _.head(names), fp, mixinFree });
}
