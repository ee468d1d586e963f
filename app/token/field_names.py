"""The metadata's fields as a person reads them in a validation message ("The name is empty."), by id, so a
Korean sentence names the field in Korean too. A field this table does not know is named by its key, in quotes."""

from __future__ import annotations

from app.messages import Message, Msg

FIELDS: dict[str, Msg] = {
    key: Msg(f"token.field.{key}", words)
    for key, words in {
        "name": "The name",
        "description": "The description",
        "image": "The image",
        "external_url": "The external link",
        "background_color": "The background colour",
        "attributes": "The traits",
        "properties": "The properties",
        "generation": "The generation settings",
        "prompt": "The prompt",
        "negative_prompt": "The negative prompt",
        "prompt_final": "The final prompt",
        "negative_final": "The final negative prompt",
        "preset": "The style preset",
        "seed": "Seed",
        "steps": "Steps",
        "guidance": "Guidance",
        "width": "Width",
        "height": "Height",
        "sampler": "The sampler",
        "source": "The starting image",
        "source_design_id": "The starting design",
        "strength": "Keep-shape strength",
        "model_id": "The model id",
        "model_name": "The model name",
        "model_sha256": "The model hash",
        "device": "The device",
        "app_version": "The app version",
        "view": "The view",
        "mask": "The mask",
        "source_picture": "The starting picture",
        "control": "The ControlNet",
        "loras": "The LoRAs",
        "decoder": "The decoder",
        "pass": "The shared pass",
    }.items()
}
# Inside `control` and each item of `loras`, the same keys mean the ControlNet's or the LoRA's own.
CONTROL_FIELDS: dict[str, Msg] = {
    key: Msg(f"token.field.control_{key}", words)
    for key, words in {
        "id": "The ControlNet's id",
        "name": "The ControlNet's name",
        "sha256": "The ControlNet's hash",
        "strength": "The ControlNet's strength",
        "hint": "The ControlNet's input",
    }.items()
}
LORA_FIELDS: dict[str, Msg] = {
    key: Msg(f"token.field.lora_{key}", words)
    for key, words in {
        "id": "A LoRA's id",
        "name": "A LoRA's name",
        "sha256": "A LoRA's hash",
        "weight": "A LoRA's weight",
    }.items()
}
PASS_FIELDS: dict[str, Msg] = {
    "size": Msg("token.field.pass_size", "The shared pass's size"),
    "row": Msg("token.field.pass_row", "The image's row in the shared pass"),
}
METADATA = Msg("token.field.metadata", "The metadata")
UNKNOWN_FIELD = Msg("token.field.unknown", "“{key}”")
# A trait (an item of "attributes") is named by its trait_type when it has one, else by its position.
TRAIT = (Msg("token.field.trait_named", "Trait “{trait}”"), Msg("token.field.trait_number", "Trait {number}"))
TRAIT_PARTS = {
    "value": (
        Msg("token.field.trait_value_named", "The value of trait “{trait}”"),
        Msg("token.field.trait_value_number", "The value of trait {number}"),
    ),
    "trait_type": (
        Msg("token.field.trait_type_named", "The name of trait “{trait}”"),
        Msg("token.field.trait_type_number", "The name of trait {number}"),
    ),
    "display_type": (
        Msg("token.field.trait_display_named", "The display type of trait “{trait}”"),
        Msg("token.field.trait_display_number", "The display type of trait {number}"),
    ),
}
# `where` of "“{key}” is not a field of {where}": only objects have fields.
WHERE = {
    "": Msg("token.where.metadata", "the metadata"),
    "properties": Msg("token.where.properties", "the properties"),
    "generation": Msg("token.where.generation", "the generation settings"),
    "control": Msg("token.where.control", "the ControlNet settings"),
    "loras": Msg("token.where.lora", "a LoRA's settings"),
}
WHERE_TRAIT = (Msg("token.where.trait_named", "trait “{trait}”"), Msg("token.where.trait_number", "trait {number}"))
TYPES = {
    "string": Msg("token.type.string", "text"),
    "number": Msg("token.type.number", "a number"),
    "integer": Msg("token.type.integer", "a whole number"),
    "array": Msg("token.type.array", "a list"),
    "object": Msg("token.type.object", "a group of fields"),
    "boolean": Msg("token.type.boolean", "true or false"),
    "null": Msg("token.type.null", "empty"),
}
EITHER = Msg("token.type.either", "{first} or {second}")


def trait(pair: tuple[Msg, Msg], trait_type: object, index: int) -> Message:
    if isinstance(trait_type, str) and trait_type:
        return pair[0](trait=trait_type)
    return pair[1](number=index + 1)


def either(words: list[Message]) -> Message | str:
    """ "a number or empty" for two or more kinds, said as the language joins them."""
    if not words:
        return ""
    joined: Message = words[0]
    for word in words[1:]:
        joined = EITHER(first=joined, second=word)
    return joined
