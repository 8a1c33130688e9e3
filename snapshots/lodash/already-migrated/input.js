import _ from "es-toolkit/compat";
import { get } from "es-toolkit/compat";

async function lambda(input) {
    return [_.pick(input, ["a"]), get(input, "b")];
}
