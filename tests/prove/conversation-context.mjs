// conversation-context migrated, then finished by hand where the migration left markers.
import { Toolbelt } from "core-functions-toolbelt";
import crypto from "crypto";
import { promisify } from "util";
import fs from "fs";
import path from "path";

// Field names the bot may store, shipped next to the function.
const FIELDS = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fields.json"), "utf8"));

// Copies what the bot learned into the conversation context store.
async function lambda(input) {
  const contextClient = Toolbelt.ContextServiceClient(process.env.CONTEXT_API_KEY);
  const sessionId = input.payload.conversationId;
  // The store's key for this session, derived the way the bot's backend does it.
  const sessionKey = (await promisify(crypto.pbkdf2)(sessionId, process.env.CONTEXT_API_KEY, 10000, 32, "sha256")).toString("hex");

  for (const field of FIELDS) {
    const value = input.payload.answers[field];
    if (value !== undefined) {
      await contextClient.setPropertyInNamespace("bot", field, value, sessionKey);
    }
  }
  console.info("context updated for " + sessionId);
  return { stored: FIELDS.length };
}
