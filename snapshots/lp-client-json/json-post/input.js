const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const lpClient = Toolbelt.LpClient();
    try {
        const result = await lpClient(
            LpServices.MSG_HIST,
            `/messaging_history/api/account/${process.env.BRAND_ID}/conversations/conversation/search`,
            {
                method: "POST",
                body: { conversationId: input.payload.conversationId },
                json: true
            }
        );
        await lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/1/log", { method: "POST", json: true, body: { seen: true } });
        callback(null, result.conversationHistoryRecords.length);
    } catch (error) {
        callback(error, null);
    }
}
