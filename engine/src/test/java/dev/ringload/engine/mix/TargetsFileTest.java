package dev.ringload.engine.mix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetsFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses {@code content} as targets.txt and returns the message after "targets.txt", which must be one line. */
    private String refusal(String content) throws IOException {
        Path file = write("targets.txt", content);
        try {
            TargetsFile.parse(file);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
            return e.getMessage().substring(file.toString().length());
        }
        throw new AssertionError("accepted: " + content);
    }

    @Test
    void readsTargetsWithHeadersBodiesWeightsAndComments() throws IOException {
        write("bodies/item.json", "{\"name\":\"x\",\"tags\":{\"a\":[1,2]}}\n");
        Path file = write("targets.txt", """
                # a catalogue mix
                GET http://127.0.0.1:8083/items?page=2
                Accept: application/json
                X-Trace: a
                X-Trace:   b\t

                #   just a note
                POST http://127.0.0.1:8083/items
                #weight = 3
                Content-Type: application/json
                @bodies/item.json



                DELETE http://127.0.0.1:8083/items/7
                """);
        List<RequestSpec> specs = TargetsFile.parse(file);

        assertThat(specs).hasSize(3);
        RequestSpec get = specs.get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url()).isEqualTo("http://127.0.0.1:8083/items?page=2");
        assertThat(get.headers()).containsExactly("Accept: application/json", "X-Trace: a", "X-Trace: b");
        assertThat(get.body()).isEmpty();
        assertThat(get.weight()).isEqualTo(1);
        assertThat(get.source()).isEqualTo(file + ":2");
        assertThat(get.isRaw()).isFalse();

        RequestSpec post = specs.get(1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.headers()).containsExactly("Content-Type: application/json");
        assertThat(new String(post.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"x\",\"tags\":{\"a\":[1,2]}}\n");
        assertThat(post.weight()).isEqualTo(3);
        assertThat(post.source()).isEqualTo(file + ":8");

        RequestSpec delete = specs.get(2);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.headers()).isEmpty();
        assertThat(delete.source()).isEqualTo(file + ":15");
    }

    @Test
    void toleratesCrlfTrailingWhitespaceAndABom() throws IOException {
        write("b.txt", "hello");
        Path file = write("targets.txt", "\ufeffGET http://h:81/a  \r\nX-A: 1 \r\n# weight=2\t\r\n \r\n\r\n"
                + "PUT http://h:81/b\r\n@ b.txt \r\n");
        List<RequestSpec> specs = TargetsFile.parse(file);
        assertThat(specs).extracting(RequestSpec::method).containsExactly("GET", "PUT");
        assertThat(specs.get(0).url()).isEqualTo("http://h:81/a");
        assertThat(specs.get(0).headers()).containsExactly("X-A: 1");
        assertThat(specs.get(0).weight()).isEqualTo(2);
        assertThat(specs.get(1).body()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(specs.get(1).source()).isEqualTo(file + ":6");
    }

    @Test
    void aRequestLineRightAfterATargetStartsTheNextAsInVegeta() throws IOException {
        write("b.json", "{}");
        Path file = write("targets.txt", "GET http://h/a\nX: 1\nGET http://h/b\nPOST http://h/c\n@b.json\n"
                + "HEAD http://h/d\n");
        List<RequestSpec> specs = TargetsFile.parse(file);
        assertThat(specs).extracting(RequestSpec::url)
                .containsExactly("http://h/a", "http://h/b", "http://h/c", "http://h/d");
        assertThat(specs.get(0).headers()).containsExactly("X: 1");
        assertThat(specs.get(1).headers()).isEmpty();
        assertThat(specs.get(3).head()).isTrue();
    }

    @Test
    void placeholdersAndJsonBracesAreKeptVerbatim() throws IOException {
        String json = "{\"id\":{seq},\"n\":{rand:1:100},\"nested\":{\"k\":[{}]}}";
        write("p.json", json);
        Path file = write("targets.txt", """
                POST http://127.0.0.1:8083/u/{seq}?r={rand:0:9}&c={conn}
                X-Thread: t{thread}
                @p.json
                """);
        RequestSpec spec = TargetsFile.parse(file).getFirst();
        assertThat(spec.url()).isEqualTo("http://127.0.0.1:8083/u/{seq}?r={rand:0:9}&c={conn}");
        assertThat(spec.headers()).containsExactly("X-Thread: t{thread}");
        assertThat(spec.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBodyFileIsFoundBesideTheTargetsFileNotInTheWorkingDirectory() throws IOException {
        write("sub/data/b.bin", "\u00e9\u0000");
        Path file = write("sub/targets.txt", "POST http://h/\n@data/b.bin\n");
        assertThat(TargetsFile.parse(file).getFirst().body())
                .isEqualTo("\u00e9\u0000".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void endpointsCompareByHostCaseAndDefaultPort() throws IOException {
        Path file = write("targets.txt", "GET http://Example.COM/a\n\nGET http://example.com:80/b\n\n"
                + "GET HTTP://example.com/c\n");
        assertThat(TargetsFile.parse(file)).hasSize(3);
    }

    @Test
    void badLinesAreNamedWithTheirNumber() throws IOException {
        assertThat(refusal("GET http://127.0.0.1:8083/\n\n# c\n\n\n\nFOO\n"))
                .isEqualTo(":7: expected 'METHOD URL', got 'FOO'");
        assertThat(refusal("GET http://h/ extra\n")).isEqualTo(":1: expected 'METHOD URL', got 'GET http://h/ extra'");
        assertThat(refusal("G(T http://h/\n")).isEqualTo(":1: invalid method 'G(T'");
        assertThat(refusal("GET http://h/\nAccept: */*\nNoColon\n"))
                .isEqualTo(":3: header 'NoColon' is not 'Name: value'");
        assertThat(refusal("GET http://h/\nBad Name: v\n")).isEqualTo(":2: header 'Bad Name: v' is not 'Name: value'");
        assertThat(refusal("GET http://h/\n: v\n")).isEqualTo(":2: header ': v' is not 'Name: value'");
    }

    @Test
    void bodyFileProblemsAreNamed() throws IOException {
        write("a.json", "{}");
        assertThat(refusal("GET http://h/\n\n\n\n\n\n\nPOST http://h/\n@./missing.json\n"))
                .isEqualTo(":9: body file ./missing.json: no such file");
        assertThat(refusal("POST http://h/\n@\n")).isEqualTo(":2: '@' names no body file");
        assertThat(refusal("POST http://h/\n@.\n")).isEqualTo(":2: body file .: cannot be read (is a directory)");
        assertThat(refusal("POST http://h/\n@a.json\nX: 1\n"))
                .isEqualTo(":3: expected a blank line after the body line, got 'X: 1'");
        assertThat(refusal("POST http://h/\n@a.json\n@a.json\n"))
                .isEqualTo(":3: expected a blank line after the body line, got '@a.json'");
    }

    @Test
    void oneEndpointPerRun() throws IOException {
        assertThat(refusal("GET http://127.0.0.1:8083/a\n\n" + "\n".repeat(9) + "GET http://other:8080/\n"))
                .isEqualTo(":12: http://other:8080/ is another endpoint than http://127.0.0.1:8083 (line 1); "
                        + "one endpoint per run");
        assertThat(refusal("GET http://h/\n\nGET http://h:8080/\n"))
                .isEqualTo(":3: http://h:8080/ is another endpoint than http://h:80 (line 1); one endpoint per run");
    }

    @Test
    void urlsAreChecked() throws IOException {
        assertThat(refusal("GET https://h/\n")).isEqualTo(":1: https is not supported: https://h/");
        assertThat(refusal("GET http://h/\n\nGET https://h/\n")).isEqualTo(":3: https is not supported: https://h/");
        assertThat(refusal("GET ftp://h/\n")).isEqualTo(":1: expected an http:// URL, got 'ftp://h/'");
        assertThat(refusal("GET /relative\n")).isEqualTo(":1: expected an http:// URL, got '/relative'");
        assertThat(refusal("GET http:///a\n")).isEqualTo(":1: URL 'http:///a' has no host");
        assertThat(refusal("GET http://h:0/\n"))
                .isEqualTo(":1: URL 'http://h:0/' has an invalid port '0'; use 1-65535");
        assertThat(refusal("GET http://h:65536/\n"))
                .isEqualTo(":1: URL 'http://h:65536/' has an invalid port '65536'; use 1-65535");
        assertThat(refusal("GET http://u:p@h/\n"))
                .isEqualTo(":1: URL 'http://u:p@h/' has user info, which is not supported");
        assertThat(refusal("GET http://{seq}.h/\n"))
                .isEqualTo(":1: URL 'http://{seq}.h/' has an invalid host '{seq}.h'");
    }

    @Test
    void ipv6HostsWork() throws IOException {
        Path file = write("targets.txt", "GET http://[::1]:8080/a\n\nGET http://[::1]:8080/b\n");
        assertThat(TargetsFile.parse(file)).hasSize(2);
        assertThat(refusal("GET http://[::1]x/\n")).isEqualTo(":1: URL 'http://[::1]x/' has an invalid host");
    }

    @Test
    void weightsAreChecked() throws IOException {
        assertThat(refusal("GET http://h/\n# weight=0\n"))
                .isEqualTo(":2: weight must be a whole number from 1 to 2147483647, got '0'");
        assertThat(refusal("GET http://h/\n# weight=lots\n"))
                .isEqualTo(":2: weight must be a whole number from 1 to 2147483647, got 'lots'");
        assertThat(refusal("GET http://h/\n# weight=2147483648\n"))
                .isEqualTo(":2: weight must be a whole number from 1 to 2147483647, got '2147483648'");
        assertThat(refusal("GET http://h/\n# weight=2\nX: 1\n# weight=3\n"))
                .isEqualTo(":4: weight already set on line 2");
        assertThat(refusal("# weight=2\nGET http://h/\n"))
                .isEqualTo(":1: '# weight=N' belongs inside a target, after its 'METHOD URL' line");
    }

    @Test
    void badPlaceholdersAreNamedWhereTheyAre() throws IOException {
        assertThat(refusal("GET http://h/\n\nGET http://h/{foo}\n"))
                .isEqualTo(":3: unknown placeholder {foo}; use {seq}, {rand:A:B}, {conn}, {thread}");
        assertThat(refusal("GET http://h/?r={rand:5:1}\n"))
                .isEqualTo(":1: placeholder {rand:5:1} has A > B; use {rand:A:B} with A <= B");
        assertThat(refusal("GET http://h/\nX-Id: {id}\n"))
                .isEqualTo(":2: header 'X-Id': unknown placeholder {id}; use {seq}, {rand:A:B}, {conn}, {thread}");
        write("b.json", "{\"a\": 1,\n \"b\": {rand:x:y}}\n");
        assertThat(refusal("POST http://h/\n@b.json\n"))
                .isEqualTo(":2: body file b.json, line 2: malformed placeholder "
                + "{rand:x:y}; use {rand:A:B} with whole numbers 0 <= A <= B");
    }

    @Test
    void emptyAndUnreadableFilesAreRefused() throws IOException {
        assertThat(refusal("")).isEqualTo(": no targets");
        assertThat(refusal("# only a comment\n\n\r\n")).isEqualTo(": no targets");
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> TargetsFile.parse(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": cannot be read (no such file)");
    }

    /** The last target needs no blank line or line break after it, and its URL needs no path. */
    @Test
    void theLastTargetEndsWithTheFileAndAUrlNeedsNoPath() throws IOException {
        Path file = write("targets.txt", "GET http://h:8080/a\n\nGET http://h:8080");
        assertThat(TargetsFile.parse(file)).extracting(RequestSpec::url)
                .containsExactly("http://h:8080/a", "http://h:8080");
    }

    @Test
    void weightsTakeEveryDigitAndOneIsAllowed() throws IOException {
        Path file = write("targets.txt", "GET http://h/a\n# weight=1\n\nGET http://h/b\n# weight=90\n");
        assertThat(TargetsFile.parse(file)).extracting(RequestSpec::weight).containsExactly(1, 90);
        assertThat(refusal("GET http://h/\n# weight=+5\n"))
                .isEqualTo(":2: weight must be a whole number from 1 to 2147483647, got '+5'");
    }

    @Test
    void portsFromOneTo65535AreAccepted() throws IOException {
        for (String port : new String[] {"1", "65535", "19090"}) {
            Path file = write("targets.txt", "GET http://h:" + port + "/\n\nGET http://h:" + port + "/b\n");
            assertThat(TargetsFile.parse(file)).as("port %s", port).hasSize(2);
        }
        assertThat(refusal("GET http://h:8a/\n")).isEqualTo(":1: URL 'http://h:8a/' has an invalid port '8a'; use 1-65535");
        assertThat(refusal("GET http://h:/\n")).isEqualTo(":1: URL 'http://h:/' has an invalid port ''; use 1-65535");
    }

    @Test
    void hostsAreCheckedCharacterByCharacter() throws IOException {
        Path plain = write("targets.txt", "GET http://h09azAZ-._~%/a\n\nGET http://H09AZAZ-._~%:80/b\n");
        assertThat(TargetsFile.parse(plain)).hasSize(2);
        Path bracketed = write("targets.txt", "GET http://[0:9:a:f:A::1.2.3.4]/a\n");
        assertThat(TargetsFile.parse(bracketed)).hasSize(1);
        for (String host : new String[] {"h!", "h*x", "h,"}) {
            assertThat(refusal("GET http://" + host + "/\n"))
                    .isEqualTo(":1: URL 'http://" + host + "/' has an invalid host '" + host + "'");
        }
        for (String host : new String[] {"[::g]", "[::G]", "[::1-2]", "[]", "[::%1]", "[1::2::3]", "[127.0.0.1]",
                "[1:2:3:4:5:6:7:8:9]"}) {
            assertThat(refusal("GET http://" + host + "/\n"))
                    .isEqualTo(":1: URL 'http://" + host + "/' has an invalid host '" + host + "'");
        }
        assertThat(refusal("GET http://:80/\n")).isEqualTo(":1: URL 'http://:80/' has no host");
        assertThat(refusal("GET http://@h/\n")).isEqualTo(":1: URL 'http://@h/' has user info, which is not supported");
    }

    @Test
    void ipv6EndpointsCompareByAddressAndPort() throws IOException {
        Path noPort = write("targets.txt", "GET http://[::1]/a\n\nGET http://[::1]:80/b\n");
        assertThat(TargetsFile.parse(noPort)).hasSize(2);
        Path spelledOtherwise = write("spelled.txt", "GET http://[::1]:8080/a\n\nGET http://[0:0:0::1]:8080/b\n\n"
                + "GET http://[0000::0001]:8080/c\n");
        assertThat(TargetsFile.parse(spelledOtherwise)).as("one address, three spellings").hasSize(3);
        assertThat(refusal("GET http://[fe80::1]:8080/a\n\nGET http://[FE80::1]:8080/b\n\nGET http://[::1]:8080/c\n"))
                .isEqualTo(":5: http://[::1]:8080/c is another endpoint than http://[fe80::1]:8080 (line 1); "
                        + "one endpoint per run");
        assertThat(refusal("GET http://[::1]:8080/a\n\nGET http://[::2]:8080/b\n"))
                .isEqualTo(":3: http://[::2]:8080/b is another endpoint than http://[::1]:8080 (line 1); "
                        + "one endpoint per run");
        assertThat(refusal("GET http://[::1]:8080/a\n\nGET http://[::1]/b\n"))
                .isEqualTo(":3: http://[::1]/b is another endpoint than http://[::1]:8080 (line 1); "
                        + "one endpoint per run");
    }

    /** Only a METHOD and an http:// or https:// URL make a line inside a target a new target. */
    @Test
    void aLineInsideATargetStartsTheNextOnlyWithAnHttpUrl() throws IOException {
        assertThat(refusal("GET http://h/\nFoo bar\n")).isEqualTo(":2: header 'Foo bar' is not 'Name: value'");
        assertThat(refusal("GET http://h/\nGET https://h/x\n")).isEqualTo(":2: https is not supported: https://h/x");
    }
}
