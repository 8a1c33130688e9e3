import * as _ from "es-toolkit/compat";
import { Toolbelt } from "core-functions-toolbelt";
const { value } = { value: 1 };
export const x = _.map([1], (v) => v);
