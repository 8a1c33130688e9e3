import { Connection } from "@jsforce/jsforce-node";

async function lambda(input) {
    const conn = new Connection({ accessToken: input.payload.token });
    return conn.identity();
}
