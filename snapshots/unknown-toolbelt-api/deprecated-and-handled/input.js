import { Toolbelt as TB } from "core-functions-toolbelt";

async function lambda(input) {
    const conn = TB.ConnectToSalesforce({ accessToken: input.payload.token });
    const old = TB.SFClient();
    return { conn, old };
}
