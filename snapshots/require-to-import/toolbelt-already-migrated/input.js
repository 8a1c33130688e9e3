import { Toolbelt, LpServices } from "core-functions-toolbelt";

async function lambda(input) {
  return LpServices.MSG_HIST;
}
