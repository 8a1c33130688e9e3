let config;
let data;
// `init` assigns `config` before anything reads it; `load` is not awaited and assigns `late`
// only after an `await`, so `late` may be read first.
function lambda(input, callback) {
    init(input);
    load();
    callback(null, { config, data, late });
}
function init(input) {
    if (!input) throw new Error("no input");
    config = input.payload;
}
async function load() {
    data = 1;
    late = await Promise.resolve(2);
}
