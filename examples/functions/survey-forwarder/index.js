const { Toolbelt } = require("lp-faas-toolbelt");
const { BRAND_ID, LAMBDA_UUID } = process.env;

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const survey = input.payload;

    const answers = (survey.answers || []).map((a) => ({ question: a.questionId, value: a.value }));

    try {
        await httpClient("https://api.example.com/feedback/v1/responses", {
            method: "POST",
            json: true,
            headers: { "X-Source": "liveperson/" + BRAND_ID + "/" + LAMBDA_UUID },
            body: {
                account: BRAND_ID,
                conversationId: survey.conversationId,
                answers: answers
            }
        });
        callback(null, { forwarded: answers.length });
    } catch (error) {
        console.error("could not forward survey: " + error.message);
        callback(error, null);
    }
}
