/** A module list that cannot make a working platform; the message names the module and the item. */
export class ModuleManifestError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'ModuleManifestError';
  }
}
