const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const lpClient = Toolbelt.LpClient();
    const accountId = process.env.BRAND_ID;

    try {
        const result = await lpClient(
            LpServices.MSG_HIST,
            `/messaging_history/api/account/${accountId}/conversations/conversation/search`,
            {
                method: "POST",
                body: { conversationId: input.payload.conversationId },
                json: true
            }
        );
        const conversation = result.conversationHistoryRecords[0];
        callback(null, {
            status: conversation.info.status,
            agent: conversation.info.latestAgentFullName,
            messages: conversation.messageRecords.length
        });
    } catch (error) {
        callback(error, null);
    }
}
