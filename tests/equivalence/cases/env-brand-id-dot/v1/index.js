// Builds the deep link the bot sends to consumers who want to continue on the web.
function lambda(input, callback) {
    const accountId = process.env.BRAND_ID;
    const section = input.payload.section || "support";

    const link = "https://www.example.com/chat?site=" + accountId + "&section=" + encodeURIComponent(section);
    const result = {
        accountId: accountId,
        link: link,
        isProduction: process.env.BRAND_ID !== "le12345678"
    };

    callback(null, result);
}
