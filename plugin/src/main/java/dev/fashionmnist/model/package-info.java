/**
 * A trained model on disk: its card (model.json, ModelCard), the zip and jar archives (ModelArchive) and
 * ModelException for a model file that does not fit. Uses the layers below it and the runtime.
 */
package dev.fashionmnist.model;
