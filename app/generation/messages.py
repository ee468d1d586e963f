"""Sentences the generation package says to a person (requests, models), by id: see app/messages.py."""

from __future__ import annotations

from app.messages import Msg

CHECKPOINT_UNKNOWN_TEXT_ENCODER = Msg(
    "model.checkpoint_unknown_text_encoder",
    "{name} has a UNet but no text encoder SM6 Studio recognises, so its architecture is unknown. Use a standard "
    "SD 1.x, SD 2.x or SDXL checkpoint.",
)
CHECKPOINT_DAMAGED = Msg(
    "model.checkpoint_damaged",
    "{name} is damaged: {why}. Download or copy it again, then re-import it.",
)
CHECKPOINT_UNSUPPORTED = Msg(
    "model.checkpoint_unsupported",
    "{name} is {what}, which SM6 Studio does not support yet. Use an SD 1.x, SD 2.x or SDXL checkpoint.",
)
CHECKPOINT_NOT_FULL = Msg(
    "model.checkpoint_not_full",
    "{name} is {kind}, not a full Stable Diffusion checkpoint (it has no UNet). Import a complete SD 1.x, SD 2.x "
    "or SDXL checkpoint.",
)
UNKNOWN_DEVICE = Msg(
    "generation.unknown_device",
    "Unknown device '{preference}' in Settings; choose auto, cuda, mps or cpu.",
)
IMPORT_NAME_TAKEN = Msg(
    "model.import_name_taken",
    "A model named {name} is already in {folder}. Rename the file or folder you are importing, or remove the "
    "existing one first. Nothing was replaced.",
)
IMPORT_COPY_FAILED = Msg(
    "model.import_copy_failed",
    "Copying {name} failed: {why}. Nothing was added to your models; check the drive and try again.",
)
IMPORT_SOURCE_MISSING = Msg(
    "model.import_source_missing",
    "{source} does not exist. It may have been moved or deleted; choose it again.",
)
IMPORT_HIDDEN = Msg(
    "model.import_hidden",
    "{name} is a hidden file or folder. Rename it so it doesn't start with a dot.",
)
IMPORT_ALREADY_THERE = Msg(
    "model.import_already_there",
    "{name} is already in your models folder, so there is nothing to import.",
)
IMPORT_MODELS_FOLDER_FAILED = Msg(
    "model.import_models_folder_failed",
    "SM6 Studio cannot create the models folder {dest_dir}. Check that the drive is writable, then try again.",
)
IMPORT_LINK_UNSUPPORTED = Msg(
    "model.import_link_unsupported",
    'SM6 Studio could not create a link to {name}: this system or drive does not allow it. Choose "Copy into '
    'SM6 Studio" instead.',
)
LOAD_OUT_OF_MEMORY = Msg(
    "model.load_out_of_memory",
    "Not enough memory to load {model}. Close other programs or turn on low-memory options in Settings.",
)
LOAD_FAILED = Msg(
    "model.load_failed",
    "{model} could not be loaded: the file may be damaged or not a standard {arch} model. Try re-importing it, "
    "or choose another model.",
)
WEIGHTS_MISSING = Msg(
    "model.weights_missing",
    "{model} is damaged: its {part} has layers with no weights behind them. Copy the whole model again, or choose "
    "another model.",
)
FOLDER_NOT_CHECKPOINT = Msg(
    "model.folder_not_checkpoint",
    "{name} is a folder, not a checkpoint file. Put the .safetensors file itself in the models folder.",
)
FOLDER_NO_PIPELINE_CLASS = Msg(
    "model.folder_no_pipeline_class",
    "{name} is damaged: its model_index.json does not say which pipeline it is. Copy the whole folder again.",
)
FOLDER_UNSUPPORTED_PIPELINE = Msg(
    "model.folder_unsupported_pipeline",
    "{name} is a {pipeline} folder; SM6 Studio runs SD 1.x, SD 2.x and SDXL pipelines.",
)
FOLDER_INCOMPLETE = Msg(
    "model.folder_incomplete",
    "{name} is incomplete: {listed} missing. Copy the whole folder again.",
)
FOLDER_BAD_CROSS_ATTENTION = Msg(
    "model.folder_bad_cross_attention",
    "{name} is damaged: its unet/config.json gives cross_attention_dim as something other than a number. Copy "
    "the whole folder again.",
)
FOLDER_BAD_CONFIG = Msg(
    "model.folder_bad_config",
    "{name} is damaged: its {relative} {problem}. Copy the whole folder again.",
)
# Said inside FOLDER_BAD_CONFIG ("its unet/config.json {problem}"): no full stop of their own.
CONFIG_IMPOSSIBLE_SIZES = Msg(
    "model.config_impossible_sizes", "asks for layer counts or sizes that no Stable Diffusion model has"
)
CONFIG_BAD_SAMPLER = Msg("model.config_bad_sampler", "has sampler settings that no sampler can use")
FOLDER_BAD_COMPONENT = Msg(
    "model.folder_bad_component",
    "{name} is damaged: its model_index.json describes a part SM6 Studio cannot make sense of. Copy the whole "
    "folder again.",
)
FOLDER_PICKLED_WEIGHTS = Msg(
    "model.folder_pickled_weights",
    "{name}/{component} only has pickled .bin weights, which SM6 Studio does not load because pickle files can "
    "run code. Convert the folder to safetensors first.",
)
FOLDER_DAMAGED_WEIGHTS = Msg(
    "model.folder_damaged_weights",
    "{name} is damaged: {component}/{file} cannot be used. Copy the whole folder again.",
)
PROMPT_EMPTY = Msg("generation.prompt_empty", "Describe your SM6 first: the prompt is empty.")
PROMPT_TOO_LONG = Msg(
    "generation.prompt_too_long",
    "The prompt is too long ({count} characters); keep it under {max_prompt_chars}.",
)
STEPS_OUT_OF_RANGE = Msg("generation.steps_out_of_range", "Steps must be between 1 and {max_steps} (got {steps}).")
GUIDANCE_OUT_OF_RANGE = Msg("generation.guidance_out_of_range", "Guidance must be between 0 and 30 (got {guidance:g}).")
BATCH_OUT_OF_RANGE = Msg("generation.batch_out_of_range", "Variations must be between 1 and {max_batch} (got {batch}).")
PASS_OUT_OF_RANGE = Msg(
    "generation.pass_out_of_range",
    "The shared pass this design was made in is not one this app can repeat (at most {max_pass} images, and a row "
    "inside it).",
)
UNKNOWN_SAMPLER = Msg("generation.unknown_sampler", "Unknown sampler '{scheduler}'. Choose one of: {choices}.")
UNKNOWN_SOURCE = Msg("generation.unknown_source", "Unknown starting image '{source}'.")
NO_DESIGN_TO_REFINE = Msg("generation.no_design_to_refine", "Pick the design to refine first.")
UNKNOWN_VIEW = Msg("generation.unknown_view", "Unknown view '{view}'. Choose one of: {choices}.")
UNKNOWN_MASK = Msg("generation.unknown_mask", "Unknown mask '{mask}'. Choose one of: {choices}.")
MASK_NEEDS_BASE = Msg(
    "generation.mask_needs_base",
    "Repainting only the body or only the scene follows the SM6 artwork: start from the SM6 artwork to use it.",
)
NO_PICTURE_LOADED = Msg("generation.no_picture_loaded", "Load a sketch or photo to start from first.")
UNKNOWN_HINT = Msg("generation.unknown_hint", "Unknown guide '{hint}'. Choose one of: {choices}.")
CONTROL_STRENGTH_OUT_OF_RANGE = Msg(
    "generation.control_strength_out_of_range", "The guide's strength must be between 0 and {max_strength:g}."
)
UNKNOWN_DECODER = Msg("generation.unknown_decoder", "Unknown final decoder '{decoder}'. Choose vae or taesd.")
TOO_MANY_LORAS = Msg("generation.too_many_loras", "Use at most {max_loras} LoRAs at once.")
LORA_WEIGHT_OUT_OF_RANGE = Msg(
    "generation.lora_weight_out_of_range",
    "The weight of the LoRA '{name}' must be between -{max_weight:g} and {max_weight:g}.",
)
BAD_LORA_LIST = Msg("generation.bad_lora_list", "The list of LoRAs in these settings is damaged.")
DAMAGED_SETTINGS = Msg(
    "generation.damaged_settings", "These generation settings are damaged: one of them holds the wrong kind of value."
)
STRENGTH_OUT_OF_RANGE = Msg(
    "generation.strength_out_of_range",
    "Keep-shape must leave at least a little room to change (strength 0.05–1).",
)
SEED_OUT_OF_RANGE = Msg("generation.seed_out_of_range", "Seed must be between 0 and {max_seed}.")
WIDTH = Msg("generation.width", "Width")  # the {name} of the size messages
HEIGHT = Msg("generation.height", "Height")
SIDE_OUT_OF_RANGE = Msg(
    "generation.side_out_of_range",
    "{name} must be between {min_side} and {max_side} pixels (got {value}).",
)
SIDE_NOT_MULTIPLE_OF_8 = Msg(
    "generation.side_not_multiple_of_8",
    "{name} must be a multiple of 8 pixels: try {lower} or {upper} instead of {value}.",
)
MODEL_GONE = Msg(
    "generation.model_gone", "The model '{model_id}' is not installed any more. Pick another one or import it again."
)
MODEL_UNUSABLE = Msg("model.unusable", "{model} cannot be used.")
NO_MODEL_YET = Msg("generation.no_model_yet", "No model yet. Import a Stable Diffusion model, or try the demo model.")
SOURCE_UNREADABLE = Msg(
    "generation.source_unreadable",
    "The design you started from can no longer be read: its image file is missing or damaged. "
    "Start from another design or from the SM6 base artwork.",
)
SOURCE_GONE = Msg("generation.source_gone", "The design to refine is no longer in the library.")
EMPTY_IMAGE = Msg(
    "generation.empty_image",
    "The model produced an empty image: its weights may be damaged; try another model. Nothing was saved.",
)
EMPTY_IMAGE_WITH_ADDONS = Msg(
    "generation.empty_image_with_addons",
    "The model produced an empty image with {addons}: one of them may be damaged; try without it. Nothing was saved.",
)
EMPTY_IMAGE_HALF_PRECISION = Msg(
    "generation.empty_image_half_precision",
    "The model produced an empty image: its weights may be damaged; try another model. Nothing was saved. On this "
    "graphics processor the model runs in half precision, which some models cannot do: if other models work, choose "
    "CPU under Settings › Generation › Device to run this one in full precision.",
)
MODEL_UNCHECKABLE = Msg(
    "model.uncheckable",
    "SM6 Studio could not check {name}, so it is not offered. Copy it again, or remove it from the models folder.",
)
PICKLED_CHECKPOINT = Msg(
    "model.pickled_checkpoint",
    "{name} is a pickled checkpoint ({suffix}). Pickle files can run arbitrary code when they are loaded, so SM6 "
    'Studio does not open them. Convert it to .safetensors (for example with the "Checkpoint Merger" or a conversion '
    "script) or download the .safetensors version, then import that.",
)
NOT_ALLOWED_TO_READ = Msg(
    "model.not_allowed_to_read",
    "SM6 Studio is not allowed to read {name}. Check its permissions (your user must be able to read it), then check "
    "again.",
)
LINK_LOOP = Msg(
    "model.link_loop", "{name} is a link that leads back to itself. Delete the link, then import the model again."
)
NO_LONGER_THERE = Msg(
    "model.no_longer_there",
    "{name} is no longer there (or is a link to something that was moved). Import the model again.",
)
UNREADABLE = Msg("model.unreadable", "{name} cannot be read from the disk. Check the drive, or copy the model again.")
NO_CUDA = Msg(
    "generation.no_cuda",
    "CUDA was chosen in Settings but no CUDA GPU is available to this torch build; using the CPU.",
)
NO_MPS = Msg(
    "generation.no_mps",
    "Apple GPU (MPS) was chosen in Settings but is not available; using the CPU.",
)
NOT_A_MODEL_FOLDER = Msg(
    "model.import_not_a_model_folder",
    "{name} is not a diffusers model folder: it has no model_index.json. Choose the folder that contains "
    "model_index.json, or a single .safetensors checkpoint.",
)
NOT_A_MODEL_FILE = Msg(
    "model.import_not_a_model_file",
    "{name} is not a model file. SM6 Studio imports Stable Diffusion 1.x, 2.x and SDXL checkpoints as .safetensors "
    "files, or diffusers model folders.",
)
IMPORT_DISK_FULL = Msg(
    "model.import_disk_full",
    'Not enough disk space to import {name} ({needed} needed in {folder}). Free some space, or choose "Link" to use '
    "the model where it is.",
)
IMPORT_DISK_FULL_FREE = Msg(
    "model.import_disk_full_free",
    "Not enough disk space to import {name} ({needed} needed, {free} free in {folder}). Free some space, or choose "
    '"Link" to use the model where it is.',
)
IMPORT_CANCELLED = Msg("model.import_cancelled", "Import cancelled. Nothing was added to your models.")
# Why a checkpoint is damaged or what it is instead, said inside model.checkpoint_* sentences.
CORRUPT_TOO_SHORT = Msg("model.corrupt_too_short", "it is empty or shorter than a safetensors header")
CORRUPT_HEADER_LENGTH = Msg("model.corrupt_header_length", "its header length does not fit the file")
CORRUPT_HEADER_NOT_TABLE = Msg("model.corrupt_header_not_table", "its header is not a table of tensors")
CORRUPT_METADATA_NOT_TEXTS = Msg("model.corrupt_metadata_not_texts", "its metadata block is not a table of texts")
CORRUPT_TENSOR_INCOMPLETE = Msg("model.corrupt_tensor_incomplete", "a tensor in its header is described incompletely")
CORRUPT_TENSOR_DTYPE = Msg("model.corrupt_tensor_dtype", "a tensor in its header has an unknown number type")
CORRUPT_TENSOR_SHAPE = Msg("model.corrupt_tensor_shape", "a tensor in its header has an impossible shape")
CORRUPT_TENSOR_OFFSETS = Msg("model.corrupt_tensor_offsets", "a tensor in its header has impossible data offsets")
CORRUPT_TRAILING_DATA = Msg(
    "model.corrupt_trailing_data", "it has data after its last tensor, which a safetensors file never has"
)
KIND_LORA = Msg("model.kind_lora", "a LoRA")
KIND_VAE = Msg("model.kind_vae", "a VAE")
KIND_NOT_FULL = Msg("model.kind_not_full", "not a full Stable Diffusion checkpoint")
UNSUPPORTED_PLAYGROUND = Msg("model.unsupported_playground", "Playground v2.5")
UNSUPPORTED_INPAINTING = Msg(
    "model.unsupported_inpainting", "an inpainting or instruct model (its UNet takes extra input channels)"
)
UNSUPPORTED_REFINER = Msg("model.unsupported_refiner", "the SDXL refiner")
UNSUPPORTED_SDXL_FAMILY = Msg("model.unsupported_sdxl_family", "an unknown SDXL-family model")
CORRUPT_HEADER_PROBLEM = Msg("model.corrupt_header_problem", "its header {problem}")
CORRUPT_TRUNCATED = Msg(
    "model.corrupt_truncated", "it is truncated ({missing} missing) — the download or copy did not finish"
)
CORRUPT_TENSOR_SIZE = Msg("model.corrupt_tensor_size", "a tensor's size in its header does not match its shape")
CORRUPT_TENSOR_LAYOUT = Msg("model.corrupt_tensor_layout", "tensors in its header overlap or leave gaps")
COPY_NOT_ALLOWED = Msg("model.copy_not_allowed", "SM6 Studio was not allowed to read or write a file")
COPY_DRIVE_ERROR = Msg("model.copy_drive_error", "the drive reported an error")
