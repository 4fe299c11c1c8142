package org.newsflow.publish.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newsflow.publish.problem.ProblemException;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(false);

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] { "http://127.0.0.1:8080/hook", "http://localhost/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook", "http://192.168.1.20/hook",
                "http://172.16.4.4/hook", "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
                "http://100.64.0.1/hook", "http://[::127.0.0.1]/hook", "http://[::ffff:127.0.0.1]/hook",
                "http://[64:ff9b::a9fe:a9fe]/hook", "http://[2002:a9fe:a9fe::1]/hook", "http://[2001:0:4136:e378::1]/hook",
                "http://192.0.0.8/hook", "http://198.18.0.1/hook", "http://198.19.255.1/hook", "http://240.0.0.1/hook",
                "http://255.255.255.255/hook" }) {
            assertThatThrownBy(() -> guard.check("channel.url", url)).as(url).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.errors().get(0).rule()).isEqualTo("public-address"));
        }
    }

    @Test
    void theRefusalDoesNotTellWhichInternalAddressAHostHas() {
        assertThatThrownBy(() -> guard.check("channel.url", "http://localhost:8080/hook"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).doesNotContain("127.0.0.1"));
    }

    @Test
    void otherSchemesAndMalformedUrlsAreRefused() {
        assertThatThrownBy(() -> guard.check("channel.url", "ftp://93.184.216.34/x")).isInstanceOfSatisfying(
                ProblemException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("http-or-https"));
        assertThatThrownBy(() -> guard.check("channel.url", "file:///etc/passwd")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> guard.check("channel.url", "http://user:pw@93.184.216.34/")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> guard.check("channel.url", "not a url")).isInstanceOf(ProblemException.class);
    }

    @Test
    void aPublicAddressPassesAndPrivateOnesPassWhenAllowed() {
        assertThat(guard.check("channel.url", "https://93.184.216.34/hooks/newsflow").getHost()).isEqualTo("93.184.216.34");
        assertThat(new UrlGuard(true).check("channel.url", "http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
    }

    @Test
    void aDeliveryIsPinnedToTheAddressThatWasCheckedAndEveryAddressOfTheNameMustBePublic() throws Exception {
        // Given a name whose DNS answer changes between two lookups, as in a rebinding attack
        java.net.InetAddress publicAddress = java.net.InetAddress.getByName("93.184.216.34");
        java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1");
        java.util.Deque<java.net.InetAddress[]> answers = new java.util.ArrayDeque<>(java.util.List.of(
                new java.net.InetAddress[] { publicAddress }, new java.net.InetAddress[] { publicAddress, loopback }));
        UrlGuard rebinding = new UrlGuard(false, host -> answers.poll());

        // When a delivery is checked, it is given the checked address to connect to, with the URL's own host
        UrlGuard.Target target = rebinding.pin("webhook.url", "https://hooks.newsroom.example/in?x=1");
        assertThat(target.address()).isEqualTo(publicAddress);
        assertThat(target.uri().getHost()).isEqualTo("hooks.newsroom.example");

        // Then the next lookup, which also names an internal address, is refused as a whole
        assertThatThrownBy(() -> rebinding.pin("webhook.url", "https://hooks.newsroom.example/in"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("public-address"));
    }

    @Test
    void aNameThatDoesNotResolveIsNamedAsSuch() {
        UrlGuard nowhere = new UrlGuard(false, host -> {
            throw new java.net.UnknownHostException(host);
        });
        assertThatThrownBy(() -> nowhere.pin("webhook.url", "https://gone.newsroom.example/in"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo(UrlGuard.RESOLVABLE_HOST));
    }
}
