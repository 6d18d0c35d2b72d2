import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | null = null;

/**
 * A full garbage collection now. V8 lets its heap grow far past what is live before it collects
 * (decision 013): the idle collector calls this after a burst of requests, and the import between
 * chunks of a large batch, whose each chunk leaves megabytes of short-lived rows behind.
 */
export function fullGc(): void {
  if (!gc) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
}
