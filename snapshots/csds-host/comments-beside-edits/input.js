const { Toolbelt } = require("lp-faas-toolbelt"); // platform helpers

async function lambda(input, callback) {
    // agent API, EMEA
    const url = /* host */ "https://sy.agentvep.liveperson.net/api/account/" /* then the id */ + input.payload.id; // logout
    callback(null, url);
}
