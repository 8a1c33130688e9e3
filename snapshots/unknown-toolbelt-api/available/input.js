import { Toolbelt, LpServices } from "core-functions-toolbelt";

async function lambda(input) {
    const clients = [Toolbelt.LpClient(), Toolbelt.CsdsClient(), Toolbelt.SecretClient(), Toolbelt.MTLSClient({}), Toolbelt.ConversationUtil(), Toolbelt.SDEUtil(), Toolbelt.GDPRUtil(), Toolbelt.OrchestratorClient(), Toolbelt.ContextServiceClient("k")];
    return { clients, service: LpServices.MSG_HIST };
}
