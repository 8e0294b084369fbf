// What the workers find on their global scope, beside the lib's (hand-written).
interface WorkerGlobalScope {
  /** Material's search worker puts lunr there before our prelude's listener runs. */
  lunr: any;
}
