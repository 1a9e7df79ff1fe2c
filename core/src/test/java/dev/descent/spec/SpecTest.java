package dev.descent.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec grammar, its error columns, and binding to declared parameters. */
class SpecTest {

  // ------------------------------------------------------------------ parsing

  @Test
  void aBareName() {
    Spec s = Spec.parse("he_normal");
    assertEquals("he_normal", s.name());
    assertEquals(Map.of(), s.arguments());
    assertEquals("he_normal", s.toString());
  }

  @Test
  void namesAndKeysAreCaseInsensitiveValuesAreKeptAsWritten() {
    Spec s = Spec.parse("  Adam( LR = 1E-3 ,\tBeta2=0.98, Mode=Max )  ");
    assertEquals("adam", s.name());
    assertEquals(List.of("lr", "beta2", "mode"), List.copyOf(s.arguments().keySet()));
    assertEquals("1E-3", s.arguments().get("lr"));
    assertEquals("Max", s.arguments().get("mode"));
    assertEquals("Adam( LR = 1E-3 ,\tBeta2=0.98, Mode=Max )", s.text());
  }

  @Test
  void listsQuotedStringsAndSignedNumbers() {
    Spec s = Spec.parse("multistep(milestones=[30, 80], gamma=0.1, name='a, b (c)', other=\"x=y\", "
        + "neg=-0.5, pos=+2, big=inf, empty=[])");
    assertEquals("[30, 80]", s.arguments().get("milestones"));
    assertEquals("a, b (c)", s.arguments().get("name"));
    assertEquals("x=y", s.arguments().get("other"));
    assertEquals("-0.5", s.arguments().get("neg"));
    assertEquals("+2", s.arguments().get("pos"));
    assertEquals("inf", s.arguments().get("big"));
    assertEquals("[]", s.arguments().get("empty"));
  }

  @Test
  void emptyParenthesesMeanNoArguments() {
    assertEquals(Map.of(), Spec.parse("relu()").arguments());
    assertEquals(Map.of(), Spec.parse("relu ( )").arguments());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void anEmptySpecSaysWhatIsExpected(String text) {
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse(text));
    assertTrue(e.getMessage().startsWith("empty spec"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "adam(lr=0.1          | expected ',' or ')' but the spec ends at column 12",
      "adam(lr 0.1)         | expected '=' but found '0' at column 9",
      "adam(=0.1)           | expected a parameter name but found '=' at column 6",
      "adam(lr=)            | expected a value (a number, a word, a quoted string or a list) but found ')' at column 9",
      "adam(lr=0.1,)        | expected a parameter name but found ')' at column 13",
      "adam(lr=0.1) x       | expected the end of the spec but found 'x' at column 14",
      "adam(s='abc)         | expected the closing ' of the string opened at column 8 but the spec ends at column 13",
      "(lr=1)               | expected a name but found '(' at column 1",
      "adam(lr=1, LR=2)     | parameter 'lr' is given twice at column 12",
      "adam(lr=[1, 2)       | expected ',' or ']' but found ')' at column 14",
      "adam(lr=@)           | expected a value (a number, a word, a quoted string or a list) but found '@' at column 9",
      "adam lr              | expected '(' or the end of the spec but found 'l' at column 6",
      "adam((lr=1)          | expected a parameter name but found '(' at column 6",
      "adam(lr=1))          | expected the end of the spec but found ')' at column 11",
      "adam)                | expected '(' or the end of the spec but found ')' at column 5",
      "adam(lr=1 2)         | expected ',' or ')' but found '2' at column 11",
      "adam(lr==1)          | expected a value (a number, a word, a quoted string or a list) but found '=' at column 9",
      "adam(lr=[1,,2])      | expected a value (a number, a word, a quoted string or a list) but found ',' at column 12",
      "adam(lr=[1 2])       | expected ',' or ']' but found '2' at column 12",
      "adam(lr=]            | expected a value (a number, a word, a quoted string or a list) but found ']' at column 9",
      "adam(l.r=1)          | expected '=' but found '.' at column 7",
      "adam(s=\"a'b\"x)      | expected ',' or ')' but found 'x' at column 13",
      "adam(s=a\\b)         | expected ',' or ')' but found '\\' at column 9",
      "adamé                | expected '(' or the end of the spec but found 'é' (U+00E9) at column 5",
      "héllo(a=1)           | expected '(' or the end of the spec but found 'é' (U+00E9) at column 2",
      "relu(a=é)            | expected a value (a number, a word, a quoted string or a list) but found 'é' (U+00E9) at column 8",
      "𝑥(a=1)               | expected a name but found '𝑥' (U+1D465) at column 1",
      "relu(a='𝑥𝑥') 𝑥       | expected the end of the spec but found '𝑥' (U+1D465) at column 14",
  })
  void malformedSpecsNameTheColumnAndWhatWasExpected(String text, String expected) {
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse(text));
    assertEquals("spec '" + text + "': " + expected, e.getMessage());
  }

  @Test
  void aListIsKeptWithOneSpaceAfterEachCommaSoNoLineBreakReachesAMessage() {
    Spec s = Spec.parse("x(a=[\n], b=[ 1 ,\r\n 2,[3 ,4 ] ], c=[ 'p ,q' ,\"r\"])");
    assertEquals("[]", s.arguments().get("a"));
    assertEquals("[1, 2, [3, 4]]", s.arguments().get("b"));
    assertEquals("['p ,q', \"r\"]", s.arguments().get("c"));
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse("opt(lr=[\n1\n])").bind(PARAMS));
    assertEquals("opt: parameter 'lr' must be a number, got '[1]'", e.getMessage());
  }

  @Test
  void aQuotedStringHasNoEscapesSoABackslashIsAnOrdinaryCharacter() {
    Spec s = Spec.parse("load(path='C:\\data\\n.csv', other=\"\\\")");
    assertEquals("C:\\data\\n.csv", s.arguments().get("path"));
    assertEquals("\\", s.arguments().get("other"));
    assertEquals("it's", Spec.parse("x(s=\"it's\")").arguments().get("s"));
    assertEquals("é 𝑥 \t tab", Spec.parse("x(s='é 𝑥 \t tab')").arguments().get("s"));
  }

  @Test
  void aLineBreakOrControlCharacterInsideAStringIsAnErrorAndIsShownEscaped() {
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse("x(s='a\nb')"));
    assertEquals("spec 'x(s='a\\u000Ab')': expected the closing ' of the string opened at column 5 but found U+000A "
        + "at column 7", e.getMessage());
    DescentException nul = assertThrows(DescentException.class, () -> Spec.parse("x(s=\"\u0000\")"));
    assertEquals("spec 'x(s=\"\\u0000\")': expected the closing \" of the string opened at column 5 but found U+0000 "
        + "at column 6", nul.getMessage());
    DescentException separator = assertThrows(DescentException.class, () -> Spec.parse("x(s='\u2028')"));
    assertTrue(separator.getMessage().contains("found U+2028 at column 6"), separator.getMessage());
  }

  @Test
  void invisibleCharactersOutsideStringsAreNamedByCodePoint() {
    DescentException nul = assertThrows(DescentException.class, () -> Spec.parse("relu\u0000"));
    assertEquals("spec 'relu\\u0000': expected '(' or the end of the spec but found U+0000 at column 5", nul.getMessage());
    DescentException zeroWidth = assertThrows(DescentException.class, () -> Spec.parse("re\u200Blu"));
    assertEquals("spec 're\\u200Blu': expected '(' or the end of the spec but found U+200B at column 3",
        zeroWidth.getMessage());
    DescentException escape = assertThrows(DescentException.class, () -> Spec.parse("relu(a=\u001B[2J)"));
    assertTrue(escape.getMessage().startsWith("spec 'relu(a=\\u001B[2J)': expected a value"), escape.getMessage());
  }

  @Test
  void lineBreaksBetweenTokensAreSpacesAndAreEscapedWhenTheSpecIsQuoted() {
    Spec s = Spec.parse("sgd(\n  lr=0.1,\r\n  momentum=0.9\n)\n");
    assertEquals(List.of("lr", "momentum"), List.copyOf(s.arguments().keySet()));
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse("sgd(\n lr=0.1\n x)"));
    assertEquals("spec 'sgd(\\u000A lr=0.1\\u000A x)': expected ',' or ')' but found 'x' at column 15", e.getMessage());
  }

  @Test
  void listsNestUpToTheLimit() {
    String deepest = "[".repeat(Spec.MAX_DEPTH) + "1" + "]".repeat(Spec.MAX_DEPTH);
    assertEquals(deepest, Spec.parse("x(v=" + deepest + ")").arguments().get("v"));
    String tooDeep = "x(v=" + "[".repeat(Spec.MAX_DEPTH + 1) + "1" + "]".repeat(Spec.MAX_DEPTH + 1) + ")";
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse(tooDeep));
    assertEquals("spec '" + tooDeep + "': expected at most 16 nested lists but found another '[' at column 21", e.getMessage());
  }

  @Test
  void aHostileNestingIsRejectedWithoutExhaustingTheStack() {
    String hostile = "x(v=" + "[".repeat(Spec.MAX_LENGTH - 4);
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse(hostile));
    assertEquals("spec 'x(v=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…': expected at most 16 nested lists "
        + "but found another '[' at column 21", e.getMessage());
  }

  @Test
  void aHugeSpecIsRejectedBeforeParsing() {
    String huge = "x(" + "a=1,".repeat(3000) + ")";
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse(huge));
    assertEquals("spec '" + huge.substring(0, 60) + "…': 12003 characters; expected at most 10000", e.getMessage());
    String longest = "x(s='" + "a".repeat(Spec.MAX_LENGTH - 7) + "')";
    assertEquals(Spec.MAX_LENGTH - 7, Spec.parse(longest).arguments().get("s").length());
  }

  @Test
  void aLongSpecIsQuotedAsAnExcerptAroundTheError() {
    String text = "x(" + "k".repeat(20) + "=1, " + "v".repeat(60) + "=@, " + "w".repeat(40) + "=2)";
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse(text));
    // 60 code points centred on the '@' at index 87: indices 57 to 116
    assertEquals("spec '…" + "v".repeat(29) + "=@, " + "w".repeat(27) + "…': expected a value "
        + "(a number, a word, a quoted string or a list) but found '@' at column 88", e.getMessage());
  }

  @Test
  void namesAndKeysAreAtMostOneHundredCharacters() {
    assertEquals("a".repeat(100), Spec.parse("a".repeat(100)).name());
    DescentException name = assertThrows(DescentException.class, () -> Spec.parse("a".repeat(101)));
    assertEquals("spec '" + "a".repeat(60) + "…': expected a name of at most 100 characters but found one of 101 "
        + "at column 1", name.getMessage());
    DescentException key = assertThrows(DescentException.class, () -> Spec.parse("x(" + "k".repeat(150) + "=1)"));
    assertTrue(key.getMessage().endsWith("expected a parameter name of at most 100 characters but found one of 150 "
        + "at column 3"), key.getMessage());
  }

  // ------------------------------------------------------------------ binding

  /** Parameters of every type, so that binding exercises every conversion (shared with {@link SpecFuzzTest}). */
  static final List<ParamSpec> PARAMS = List.of(
      ParamSpec.number("lr", 0.01, "step size"),
      ParamSpec.integer("size", 32, "batch size"),
      ParamSpec.flag("nesterov", false, "Nesterov momentum"),
      ParamSpec.choice("mode", "min", "direction", "min", "max"),
      new ParamSpec("milestones", ParamType.INT_LIST, new int[0], "epochs"),
      new ParamSpec("weights", ParamType.DOUBLE_LIST, new double[] {1}, "weights"),
      new ParamSpec("steps", ParamType.LONG, 10L, "steps"),
      new ParamSpec("label", ParamType.STRING, "x", "free text"));

  static Arguments bind(String spec) {
    return Spec.parse(spec).bind(PARAMS);
  }

  @Test
  void bindConvertsEachTypeAndFillsDefaults() {
    Arguments a = bind("opt(LR=1e-3, nesterov=TRUE, mode=MAX, milestones=[30, 80], weights=[0.5,-inf], "
        + "steps=12345678901, label='Hello, World')");
    assertEquals("opt", a.owner());
    assertEquals(1e-3, a.getDouble("lr"));
    assertEquals(32, a.getInt("size"));
    assertEquals(true, a.getBoolean("nesterov"));
    assertEquals("max", a.getString("mode"));
    assertArrayEquals(new int[] {30, 80}, a.getInts("milestones"));
    assertArrayEquals(new double[] {0.5, Double.NEGATIVE_INFINITY}, a.getDoubles("weights"));
    assertEquals(12345678901L, a.getLong("steps"));
    assertEquals("Hello, World", a.getString("label"));
    assertEquals(PARAMS.size(), a.asMap().size());
  }

  @Test
  void bindAcceptsEmptyLists() {
    assertArrayEquals(new int[0], bind("opt(milestones=[])").getInts("milestones"));
  }

  @Test
  void arrayArgumentsAreCopiedOut() {
    Arguments a = bind("opt(milestones=[1, 2])");
    a.getInts("milestones")[0] = 99;
    assertEquals(1, a.getInts("milestones")[0]);
  }

  @Test
  void unknownParameterListsTheAcceptedOnesAndSuggestsTheClosest() {
    DescentException e = assertThrows(DescentException.class, () -> bind("opt(lrr=0.1)"));
    assertEquals("opt: unknown parameter 'lrr' (did you mean 'lr'?); opt accepts "
        + "lr, size, nesterov, mode, milestones, weights, steps, label", e.getMessage());
  }

  @Test
  void unknownParameterWithNothingClose() {
    DescentException e = assertThrows(DescentException.class, () -> bind("opt(xyzzy=1)"));
    assertTrue(e.getMessage().startsWith("opt: unknown parameter 'xyzzy'; opt accepts lr, "), e.getMessage());
  }

  @Test
  void aParameterlessProviderSaysSo() {
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse("relu(alpha=1)").bind(List.of()));
    assertEquals("relu: unknown parameter 'alpha'; relu accepts no parameters", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "opt(lr=fast)              | opt: parameter 'lr' must be a number, got 'fast'",
      "opt(lr=nan)               | opt: parameter 'lr' must be a number, got 'nan'",
      "opt(size=3.5)             | opt: parameter 'size' must be an integer, got '3.5'",
      "opt(size=99999999999)     | opt: parameter 'size' must be an integer, got '99999999999'",
      "opt(nesterov=yes)         | opt: parameter 'nesterov' must be true or false, got 'yes'",
      "opt(mode=maxx)            | opt: parameter 'mode' must be one of min, max, got 'maxx' (did you mean 'max'?)",
      "opt(milestones=[30, x])   | opt: parameter 'milestones' must be a list of integers such as [30, 80], got '[30, x]'",
      "opt(weights=[0.1, a])     | opt: parameter 'weights' must be a list of numbers such as [0.1, 0.2], got '[0.1, a]'",
      "opt(steps=1.5)            | opt: parameter 'steps' must be an integer, got '1.5'",
      "opt(lr=1.2.3)             | opt: parameter 'lr' must be a number, got '1.2.3'",
      "opt(lr=1e-3-)             | opt: parameter 'lr' must be a number, got '1e-3-'",
      "opt(lr='')                | opt: parameter 'lr' must be a number, got ''",
      "opt(lr=[1])               | opt: parameter 'lr' must be a number, got '[1]'",
      "opt(size=0x10)            | opt: parameter 'size' must be an integer, got '0x10'",
      "opt(size=-)               | opt: parameter 'size' must be an integer, got '-'",
      "opt(milestones=[[1], 2])  | opt: parameter 'milestones' must be a list of integers such as [30, 80], got '[[1], 2]'",
  })
  void aMistypedValueNamesTheParameterAndTheExpectedType(String spec, String expected) {
    DescentException e = assertThrows(DescentException.class, () -> bind(spec));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void aMissingRequiredParameterIsNamed() {
    List<ParamSpec> params = List.of(ParamSpec.requiredNumber("stddev", "standard deviation"));
    DescentException e = assertThrows(DescentException.class, () -> Spec.parse("random_normal").bind(params));
    assertEquals("random_normal: parameter 'stddev' is required (a number)", e.getMessage());
    assertEquals(10.0, Spec.parse("random_normal(stddev=10)").bind(params).getDouble("stddev"));
    assertTrue(params.get(0).required());
    assertEquals("required", params.get(0).formattedDefault());
  }

  @Test
  void aDuplicateKeyIsAnError() {
    DescentException e = assertThrows(DescentException.class, () -> bind("opt(lr=0.1, size=2, lr=0.2)"));
    assertTrue(e.getMessage().contains("parameter 'lr' is given twice"), e.getMessage());
  }

  @Test
  void askingForAnUndeclaredParameterIsAProgrammingError() {
    Arguments a = bind("opt");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.getDouble("momentum"));
    assertTrue(e.getMessage().contains("momentum"), e.getMessage());
  }

  // ------------------------------------------------------------------ declarations and ranges

  @Test
  void formattedDefaultsAreWrittenAsASpecWouldWriteThem() {
    assertEquals("0.01", PARAMS.get(0).formattedDefault());
    assertEquals("32", PARAMS.get(1).formattedDefault());
    assertEquals("false", PARAMS.get(2).formattedDefault());
    assertEquals("min", PARAMS.get(3).formattedDefault());
    assertEquals("[]", PARAMS.get(4).formattedDefault());
    assertEquals("[1]", PARAMS.get(5).formattedDefault());
    assertEquals("one of min, max", PARAMS.get(3).type().describe());
    assertEquals("choice", PARAMS.get(3).type().typeName());
  }

  @Test
  void rangeHelpersWordTheirMessagesTheSameWay() {
    assertEquals("adam: parameter 'beta1' must be in [0, 1), got 1.5",
        assertThrows(DescentException.class, () -> Arguments.inHalfOpen("adam", "beta1", 1.5, 0, 1)).getMessage());
    assertEquals("sgd: parameter 'lr' must be a finite number > 0, got 0",
        assertThrows(DescentException.class, () -> Arguments.greaterThan("sgd", "lr", 0, 0)).getMessage());
    assertEquals("x: parameter 'p' must be in [0, 1], got NaN",
        assertThrows(DescentException.class, () -> Arguments.inClosed("x", "p", Double.NaN, 0, 1)).getMessage());
    assertEquals("x: parameter 'k' must be an integer ≥ 1, got 0",
        assertThrows(DescentException.class, () -> Arguments.atLeast("x", "k", 0, 1)).getMessage());
    assertThrows(DescentException.class, () -> Arguments.atLeast("x", "v", Double.POSITIVE_INFINITY, 0.0));
    assertThrows(DescentException.class, () -> Arguments.finite("x", "v", Double.NaN));
    assertEquals(0.5, Arguments.inClosed("x", "p", 0.5, 0, 1));
  }

  @Test
  void closestNames() {
    assertEquals(3, Names.distance("kitten", "sitting"));
    assertEquals(0, Names.distance("", ""));
    assertEquals(4, Names.distance("", "adam"));
    assertEquals("he_normal", Names.closest("he_normall", List.of("he_uniform", "he_normal", "zeros")));
    assertEquals(null, Names.closest("adam", List.of("he_normal", "zeros")));
    assertEquals("", Names.didYouMean("adam", List.of("zeros")));
    assertEquals(" (did you mean 'sgd'?)", Names.didYouMean("sdg", List.of("sgd", "adam")));
  }
}
