const { Toolbelt } = require("lp-faas-toolbelt");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const logger = Toolbelt.Logger();
// Field names the bot may store, shipped next to the function.
const FIELDS = JSON.parse(fs.readFileSync(path.join(__dirname, "fields.json"), "utf8"));

// Copies what the bot learned into the conversation context store.
async function lambda(input, callback) {
  const contextClient = Toolbelt.ContextServiceClient({
    apiKey: process.env.CONTEXT_API_KEY,
    accountId: process.env.BRAND_ID,
  });
  const sessionId = input.payload.conversationId;
  // The store's key for this session, derived the way the bot's backend does it.
  const sessionKey = crypto.pbkdf2Sync(sessionId, process.env.CONTEXT_API_KEY, 10000, 32, "sha256").toString("hex");

  for (const field of FIELDS) {
    const value = input.payload.answers[field];
    console.log("storing", field);
    if (value !== undefined) {
      await contextClient.setPropertyInNamespace("bot", field, value, sessionKey);
    }
  }
  logger.info("context updated for " + sessionId);
  callback(null, { stored: FIELDS.length });
}
