const { Toolbelt, LpServices } = require("lp-faas-toolbelt");
const crypto = require("crypto");

const secretCache = {};

async function getSecret(name) {
  if (!secretCache[name]) {
    const { value } = await Toolbelt.SecretClient().readSecret(name);
    secretCache[name] = value;
  }
  return secretCache[name];
}

async function lambda(input, callback) {
  const { conversationId } = input.payload;
  const lpClient = Toolbelt.LpClient();
  const httpClient = Toolbelt.HTTPClient();

  let transcript;
  try {
    const result = await lpClient(
      LpServices.MSG_HIST,
      `/messaging_history/api/account/${process.env.BRAND_ID}/conversations/conversation/search`,
      { method: "POST", json: true, body: { conversationId, contentToRetrieve: ["messageRecords"] } }
    );
    transcript = result.conversationHistoryRecords[0].messageRecords
      .map((m) => `${m.sentBy}: ${m.messageData.msg.text}`)
      .join("\n");
  } catch (err) {
    return callback(err, null);
  }

  const apiKey = await getSecret("summary-api-key");
  const summary = await httpClient("https://api.example.com/ai/v1/summarize", {
    method: "POST",
    headers: { "X-Api-Key": apiKey },
    json: true,
    body: { text: transcript, maxWords: 20 },
    timeout: 1500,
  });

  callback(null, {
    conversationId,
    summary: summary.text,
    digest: crypto.createHash("sha1").update(transcript).digest("hex"),
  });
}
