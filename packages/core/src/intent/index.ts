// Intent detection lives here (see ../../../../../shared/intents/SPEC.md). Filled in by its own module.
export {};
