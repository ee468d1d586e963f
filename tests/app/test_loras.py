"""LoRA files on the tiny model through the real engine: each changes the picture, weights and switching between
jobs give exactly each job's own picture, and a LoRA that does not fit is refused in words with the model left fine."""

from __future__ import annotations

import shutil
import struct

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import load_file, save_file

from app.errors import ModelError
from app.generation import events as ev
from app.generation.devices import choose_device
from app.generation.loras import a1111_tags, active_loras, apply_loras, parse_a1111_tags
from app.generation.pipelines import LoadOptions, load_model
from app.generation.pngmeta import read_png_metadata
from app.generation.registry import ModelRegistry
from tests.app.engine_helpers import make_engine, quick_request

KOHYA, DIFFUSERS, LCM = "tiny-style", "tiny-diffusers-style", "lcm-lora-tiny"


@pytest.fixture
def lora_dir(tiny_lora, tiny_lora_masters):
    """models/lora/ with the kohya LoRA (tiny_lora) and the diffusers-layout and LCM ones beside it."""
    for name in (DIFFUSERS, LCM):
        shutil.copy2(tiny_lora_masters / f"{name}.safetensors", tiny_lora.parent / f"{name}.safetensors")
    return tiny_lora.parent


@pytest.fixture
def engine_setup(tiny_sd15, lora_dir, models_dir, isolated_dirs):
    engine, recorder, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    yield engine, recorder, library
    engine.shutdown()
    library.close()


def lora_id(engine, stem: str) -> str:
    """The id the registry gave the LoRA file `stem` (what a request names)."""
    found = [m for m in engine.addons("lora") if m.path.stem == stem]
    assert found, [m.id for m in engine.addons("lora")]
    return found[0].id


def run(engine, rec, **changes):
    """The finished job's event; pixels of its single design with `picture(...)`."""
    return rec.wait_job(engine.submit(quick_request(**changes)).id)


def picture(done) -> np.ndarray:
    assert isinstance(done, ev.JobFinished), getattr(done, "message", done)
    return np.asarray(Image.open(done.designs[0].image_path).convert("RGB"))


def test_each_lora_layout_changes_the_picture_and_each_job_gets_exactly_its_own_loras(engine_setup):
    """One engine through a sequence of jobs: what a job shows depends on its own LoRAs only, never on the jobs
    before it; weight 0 and taking every LoRA off give back the model's own pixels exactly."""
    engine, rec, _ = engine_setup
    kohya, diffusers = lora_id(engine, KOHYA), lora_id(engine, DIFFUSERS)
    sequence = [
        (),
        ((kohya, 0.8),),
        ((diffusers, 1.0),),
        ((kohya, 0.0),),  # weight 0: no LoRA
        ((kohya, 0.8), (diffusers, 1.0)),
        ((kohya, 0.8),),
        ((kohya, 0.5),),
        (),
    ]
    seen: dict[tuple, np.ndarray] = {}
    finished = {}
    for loras in sequence:
        finished[loras] = done = run(engine, rec, loras=loras)
        pixels = picture(done)
        same_as = () if all(w == 0 for _, w in loras) else loras
        if same_as in seen:
            assert np.array_equal(pixels, seen[same_as]), loras
        seen.setdefault(same_as, pixels)
    assert len({p.tobytes() for p in seen.values()}) == len(seen) == 5  # every other set: another picture
    parameters = read_png_metadata(finished[((kohya, 0.8),)].designs[0].image_path)["parameters"]
    assert "<lora:tiny-style:0.8>" in parameters.splitlines()[0]  # A1111 names a LoRA by its file's stem
    # img2img from the SM6 artwork runs another pipeline made from the same weights: the LoRA is on it too
    from_base = dict(source="base", strength=0.7)
    assert not np.array_equal(
        picture(run(engine, rec, **from_base)), picture(run(engine, rec, loras=((kohya, 0.8),), **from_base))
    )


def _rewrite(path, change) -> None:
    tensors = load_file(str(path))
    change(tensors)
    save_file(tensors, str(path), metadata={"ss_base_model_version": "sd_v1"})


def _wider_query(tensors) -> None:
    key = next(k for k in tensors if "attn1_to_q.lora_down" in k)
    tensors[key] = tensors[key].repeat(1, 2).contiguous()  # a query layer twice as wide as the model's


def _another_network(tensors) -> None:
    for key in list(tensors):
        tensors[key.replace("lora_unet_", "lora_unet_middle_").replace("lora_te_", "lora_te_model_")] = tensors.pop(key)


def test_loras_that_do_not_fit_or_are_damaged_are_refused_in_words_and_the_next_job_is_fine(engine_setup, tiny_lora):
    engine, rec, _ = engine_setup
    for name, change in (("wide-style", _wider_query), ("odd-style", _another_network)):
        _rewrite(shutil.copy2(tiny_lora, tiny_lora.parent / f"{name}.safetensors"), change)
    engine.refresh_models()
    plain = picture(run(engine, rec))
    kohya = lora_id(engine, KOHYA)
    for name in ("wide-style", "odd-style"):
        failed = run(engine, rec, loras=((kohya, 1.0), (lora_id(engine, name), 1.0)))
        assert isinstance(failed, ev.JobFailed), failed
        assert name in failed.message and "does not fit" in failed.message, failed.message
        assert failed.details  # the technical side stays behind "Show details"
        assert np.array_equal(picture(run(engine, rec)), plain)  # nothing of either LoRA stayed on the weights
    styled = picture(run(engine, rec, loras=((kohya, 1.0),)))
    assert not np.array_equal(styled, plain)
    data = tiny_lora.read_bytes()
    (header_len,) = struct.unpack("<Q", data[:8])
    tiny_lora.write_bytes(data[: 8 + header_len + 10])  # cut off in place while the LoRA is on the model
    # the LoRA's weights live in memory of their own: the damaged file cannot crash the app (SIGBUS)
    assert np.array_equal(picture(run(engine, rec, loras=((kohya, 1.0),))), styled)
    assert np.array_equal(picture(run(engine, rec)), plain)  # the LoRA comes off: the next use reads the file again
    failed = run(engine, rec, loras=((kohya, 0.9),))
    assert isinstance(failed, ev.JobFailed), failed
    assert "tiny-style" in failed.message and "could not be read" in failed.message
    assert np.array_equal(picture(run(engine, rec)), plain)


def _not_a_number(tensors) -> None:
    for key in tensors:
        if "lora_up" in key:
            tensors[key] = torch.full_like(tensors[key], float("nan"))


def test_a_lora_whose_weights_break_the_picture_is_named_instead_of_the_model(engine_setup, tiny_lora):
    engine, rec, _ = engine_setup
    _rewrite(shutil.copy2(tiny_lora, tiny_lora.parent / "broken-style.safetensors"), _not_a_number)
    engine.refresh_models()
    broken = lora_id(engine, "broken-style")
    failed = run(engine, rec, loras=((broken, 1.0),))
    assert isinstance(failed, ev.JobFailed), failed
    assert failed.message.startswith(f"The model produced an empty image with {broken}: one of them may be damaged")
    picture(run(engine, rec))  # the model itself is fine, and the LoRA came off


# --- the hook itself, on a loaded model ------------------------------------------------------------------------------


@pytest.fixture
def loaded(tiny_sd15, lora_dir, models_dir):
    registry = ModelRegistry([models_dir])
    registry.scan()
    model = registry.ensure_hash(registry.get("tiny-sd15"))
    loras = {m.path.stem: registry.ensure_hash(m) for m in registry.models if m.kind == "lora"}
    loaded = load_model(model, LoadOptions(device=choose_device("cpu")))
    yield loaded, loras
    loaded.release()


def test_the_same_loras_again_cost_nothing_and_a_changed_set_replaces_the_old_one(loaded):
    loaded, loras = loaded
    pipe = loaded.txt2img
    apply_loras(loaded, [(loras[KOHYA], 1.0)])
    layer = pipe.unet.down_blocks[1].attentions[0].transformer_blocks[0].attn1.to_q
    apply_loras(loaded, [(loras[KOHYA], 1.0)])
    assert pipe.unet.down_blocks[1].attentions[0].transformer_blocks[0].attn1.to_q is layer  # nothing reloaded
    apply_loras(loaded, [(loras[DIFFUSERS], 0.7)])
    (active,) = active_loras(loaded)
    assert active[1] == 0.7
    assert sum(pipe.get_list_adapters().values(), []) == [active[0]] * len(pipe.get_list_adapters())
    apply_loras(loaded, [])
    assert active_loras(loaded) == () and not any(pipe.get_list_adapters().values())
    assert type(pipe.unet.down_blocks[1].attentions[0].transformer_blocks[0].attn1.to_q).__name__ == "Linear"


def test_a_lora_of_another_family_is_refused_before_anything_loads(loaded, tiny_lora_masters, models_dir):
    loaded, loras = loaded
    shutil.copy2(tiny_lora_masters / "tiny-xl-style.safetensors", models_dir / "lora" / "tiny-xl-style.safetensors")
    registry = ModelRegistry([models_dir])
    registry.scan()
    xl = next(m for m in registry.models if m.path.stem == "tiny-xl-style")
    apply_loras(loaded, [(loras[KOHYA], 1.0)])
    with pytest.raises(ModelError, match="does not fit"):
        apply_loras(loaded, [(loras[KOHYA], 1.0), (xl, 1.0)])
    assert active_loras(loaded) == () and not any(loaded.txt2img.get_list_adapters().values())


# --- A1111 prompt tags -----------------------------------------------------------------------------------------------


def test_a1111_tags_are_written_as_a1111_writes_them_and_read_back():
    tags = a1111_tags([("tiny-style", 0.8), ("other", 1.0), ("neg", -0.25)])
    assert tags == "<lora:tiny-style:0.8> <lora:other:1> <lora:neg:-0.25>"
    prompt, found = parse_a1111_tags(f"pearl white SM6, gold trim {tags}")
    assert prompt == "pearl white SM6, gold trim"
    assert found == [("tiny-style", 0.8), ("other", 1.0), ("neg", -0.25)]
    assert a1111_tags([("a:b<c>", 1.0)]) == "<lora:a_b_c_:1>"  # a name can never end the tag early


@pytest.mark.parametrize(
    "text, prompt, found",
    [
        ("<lora:x>, red car", "red car", [("x", 1.0)]),  # no weight: A1111's 1
        ("car <lora:x:0.6:0.2>", "car", [("x", 0.6)]),  # text-encoder weight first
        ("car <lora:x:abc> <lora:y:nan> <lora:z:inf> <lora:w:1e309> <lora:v:7>", "car", []),
        ("car <lora:x:0.5> <lora:x:0.9>", "car", [("x", 0.5)]),
        ("car <LORA:x:1>", "car", [("x", 1.0)]),
        ("car <lora::1> <lora:x:" + "9" * 100 + ">", "car <lora::1> <lora:x:" + "9" * 100 + ">", []),
        ("<lora:<lora:x:1>:1>", "<lora: :1>", [("x", 1.0)]),
    ],
)
def test_hostile_tags_are_read_safely(text, prompt, found):
    assert parse_a1111_tags(text) == (prompt, found)


def test_tags_are_capped_in_number_and_the_prompt_in_length():
    many = " ".join(f"<lora:l{i}:1>" for i in range(8))
    prompt, found = parse_a1111_tags("car " + many)
    assert [name for name, _ in found] == [f"l{i}" for i in range(5)]
    assert prompt == "car <lora:l5:1> <lora:l6:1> <lora:l7:1>"
    prompt, found = parse_a1111_tags("x" * 50_000 + " <lora:late:1>")
    assert found == [] and len(prompt) == 20_000


def test_an_sdxl_lora_with_both_text_encoders_changes_the_picture_and_comes_off_exactly(
    tiny_sdxl_dir, tiny_lora_masters, models_dir
):
    import torch

    shutil.copytree(tiny_sdxl_dir, models_dir / "tiny-sdxl")
    (models_dir / "lora").mkdir()
    shutil.copy2(tiny_lora_masters / "tiny-xl-style.safetensors", models_dir / "lora" / "tiny-xl-style.safetensors")
    registry = ModelRegistry([models_dir])
    registry.scan()
    lora = registry.ensure_hash(next(m for m in registry.models if m.kind == "lora"))
    assert lora.arch == "sdxl"
    loaded = load_model(registry.ensure_hash(registry.get("tiny-sdxl")), LoadOptions(device=choose_device("cpu")))
    try:

        def draw():
            generator = torch.Generator("cpu").manual_seed(3)
            out = loaded.txt2img("an SM6", num_inference_steps=2, width=64, height=64, generator=generator)
            return np.asarray(out.images[0])

        plain = draw()
        apply_loras(loaded, [(lora, 1.0)])
        assert set(loaded.txt2img.get_list_adapters()) == {"unet", "text_encoder", "text_encoder_2"}
        assert not np.array_equal(draw(), plain)
        apply_loras(loaded, [])
        assert np.array_equal(draw(), plain)
    finally:
        loaded.release()
