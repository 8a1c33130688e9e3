const { Toolbelt } = require("lp-faas-toolbelt");

function audit(event) {
    console.log("audit", event);
    console.log("audit done");
    report(event);
}

const report = (event) => {
    console.warn("report", event);
    console.error("report failed?", event);
};

function neverCalled() {
    console.log("unused 1");
    console.log("unused 2");
}

// TODO(faas-migrate): up to 11 log calls can run in one invocation (the handler and the functions it calls): V2 keeps 10 logs (16384 characters) per invocation and drops the rest; log less, or combine messages [log-limits]
async function lambda(input, callback) {
    console.info("step 1");
    console.info("step 2");
    console.info("step 3");
    console.info("step 4");
    console.info("step 5");
    console.info("step 6");
    console.info("step 7");
    audit(input);
    callback(null, true);
}
