import { Toolbelt } from "core-functions-toolbelt";

async function lambda(input) {
    const { value: apiKey } = await Toolbelt.SecretClient().readSecret("context-api-key");
    const client = Toolbelt.ContextServiceClient(apiKey);
    return client.getAllPropertiesInSession("ns", input.payload.sessionId);
}
