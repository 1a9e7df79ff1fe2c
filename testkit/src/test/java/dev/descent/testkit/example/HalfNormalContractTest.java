package dev.descent.testkit.example;

import dev.descent.testkit.InitializerContract;
import java.util.Map;

/** What a plugin author writes: the contract, run on a third-party scheme. */
class HalfNormalContractTest extends InitializerContract {

  @Override
  protected String spec() {
    return "half_normal(scale=0.5)";
  }

  @Override
  protected Map<String, String> invalidSpecs() {
    return Map.of("half_normal(scale=0)", "scale", "half_normal(scale=-2)", "scale");
  }
}
