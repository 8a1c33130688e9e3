// CRLF with a byte order mark
import { Toolbelt, LpServices } from "core-functions-toolbelt";

function lambda(input, callback) {
	// TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
	const port = process.env.PORT;
	callback(null, { brand: process.env.X_LIVEPERSON_BRAND_ID, port: port });
}
