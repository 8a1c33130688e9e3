async function lambda(input, callback) {
    const { arguments: args, conversationId } = input.payload;
    const { Toolbelt } = require("lp-faas-toolbelt");
    const httpClient = Toolbelt.HTTPClient();
    const seen = await httpClient("https://api.example.com/conversations/" + conversationId, { json: true });
    console.info("seen " + seen.count);

    if (args.length === 0)
        callback(new Error("Please provide at least one argument."));

    console.info("input info " + JSON.stringify(input));

    callback(null, args.join(" ").trim());
}
