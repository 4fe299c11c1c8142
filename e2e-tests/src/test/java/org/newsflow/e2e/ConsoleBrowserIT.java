package org.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromedriver), against the three packaged
 * services: an editor opens it, sees a new article arrive live with its names marked, reads what enrichment found,
 * subscribes a webhook with the filter builder and watches the delivery arrive. Screenshots of every step go to
 * {@code e2e-tests/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("newsflow.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("newsflow.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static E2ePipeline pipeline;
    private static WebDriver browser;
    private static WebDriverWait waiting;
    private static String publisher;
    private static String apiKey;
    private static String consumerKey;
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static String firstArticleId;

    @BeforeAll
    static void openTheConsole() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run installs it)").exists();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
        Files.createDirectories(SCREENSHOTS);
        pipeline = E2ePipeline.start("newsflow_console");
        publisher = "console-" + UUID.randomUUID().toString().substring(0, 8);
        apiKey = pipeline.registerPublisher(publisher, "Console Courier");
        consumerKey = adminPost("/v1/admin/consumers", "{\"id\": \"" + publisher + "-desk\"}");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(JSON.readTree(in.readAllBytes()).at("/data/article/uri").asText());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("newsflow-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        waiting = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void closeTheConsole() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void aNewArticleAppearsLiveWithItsNamesMarked() throws Exception {
        // Given an editor with the console open and their key entered
        browser.get(pipeline.publish.url("/console/"));
        browser.findElement(By.id("consumer-key")).sendKeys(consumerKey);
        browser.findElement(By.id("admin-token")).sendKeys(E2ePipeline.ADMIN_TOKEN);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        waiting.until(ExpectedConditions.textToBe(By.id("live-status"), "● live"));
        screenshot("01-live-waiting");

        // When a publisher pushes an article
        String uri = "urn:newsroom:console-courier:" + UUID.randomUUID();
        HttpResponse<String> accepted = push(uri);
        assertThat(accepted.statusCode()).isEqualTo(202);
        firstArticleId = JSON.readTree(accepted.body()).get("articleId").asText();

        // Then it appears on the live page without a reload, source and language shown, names marked in the text
        WebElement card = waiting.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#live-list article[data-uri='" + uri + "']")));
        assertThat(card.findElement(By.cssSelector("h3")).getText()).isEqualTo("Gdańsk port orders twelve electric tugboats");
        assertThat(card.findElement(By.cssSelector(".source")).getText()).isEqualTo("Console Courier");
        assertThat(card.findElement(By.cssSelector(".chip.language")).getText()).isEqualToIgnoringCase("en");
        List<String> marked = card.findElements(By.cssSelector("mark.entity")).stream().map(WebElement::getText).toList();
        assertThat(marked).contains("Gdańsk", "European Commission");
        assertThat(card.findElements(By.cssSelector(".chip.subject"))).isNotEmpty();
        screenshot("02-live-article");

        // and its page lists the version and what found each value
        card.findElement(By.cssSelector("h3 a")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.explanations")));
        assertThat(browser.findElements(By.cssSelector("table.versions tr"))).hasSize(2); // header + version 1
        List<String> explained = browser.findElements(By.cssSelector("table.explanations tr td:first-child")).stream()
                .map(WebElement::getText).distinct().toList();
        assertThat(explained).contains("language", "places");
        screenshot("03-article-explained");
    }

    @Test
    @Order(2)
    void aWebhookSubscriptionMadeInTheConsoleShowsItsDelivery() throws Exception {
        // Given the subscriptions page, and a filter built for this publisher's articles
        browser.get(pipeline.publish.url("/console/#/subscriptions"));
        WebElement form = waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("new-subscription")));
        form.findElement(By.id("subscription-name")).sendKeys("port desk");
        new Select(form.findElement(By.cssSelector(".criterion select[aria-label=field]"))).selectByValue("sources");
        form.findElement(By.cssSelector(".criterion input")).sendKeys(publisher);

        // When the editor tests it against recent articles
        browser.findElement(By.id("test-filter")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("filter-test"), "recent articles match"));
        assertThat(browser.findElement(By.cssSelector("#filter-test p")).getText()).startsWith("1 ");

        // and subscribes a webhook
        new Select(form.findElement(By.id("subscription-channel"))).selectByValue("webhook");
        form.findElement(By.id("webhook-url")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        browser.findElement(By.id("create-subscription")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscription-message"), "Subscribed: port desk"));
        WebElement row = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#subscription-list tr[data-subscription-id]")));
        screenshot("04-subscription-created");

        // Then the next article is delivered, and the delivery log shows it
        String uri = "urn:newsroom:console-courier:" + UUID.randomUUID();
        assertThat(push(uri).statusCode()).isEqualTo(202);
        row.findElement(By.linkText("deliveries")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#delivery-log tr.delivery .status"),
                "delivered"));
        assertThat(received).contains(uri);
        screenshot("05-delivery-log");
    }

    @Test
    @Order(3)
    void aReprintByAnotherPublisherShowsABadgeLinkingToTheOriginal() throws Exception {
        // Given the live page, and another outlet that copies the first article word for word
        browser.get(pipeline.publish.url("/console/#/live"));
        waiting.until(ExpectedConditions.textToBe(By.id("live-status"), "● live"));
        String copier = pipeline.registerPublisher("copier-" + UUID.randomUUID().toString().substring(0, 8), "Copy Desk");
        String uri = "urn:newsroom:copy-desk:" + UUID.randomUUID();

        // When it pushes the copy
        try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream("/tugboats.json")) {
            ObjectNode copy = ((ObjectNode) JSON.readTree(in)).put("uri", uri).put("copyrightHolder", "Copy Desk");
            assertThat(pipeline.push(copier, copy).statusCode()).isEqualTo(202);
        }

        // Then its card carries a reprint badge that leads to the original's page
        WebElement badge = waiting.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#live-list article[data-uri='" + uri + "'] a.badge.reprint")));
        assertThat(badge.getAttribute("href")).endsWith("#/article/" + firstArticleId);
        screenshot("06-live-reprint");
        badge.click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.versions")));
        assertThat(browser.getCurrentUrl()).endsWith("#/article/" + firstArticleId);
    }

    @Test
    @Order(4)
    void thePipelinePageShowsEveryServiceReadyAndTheTopics() throws Exception {
        browser.get(pipeline.publish.url("/console/#/pipeline"));
        waiting.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#service-health tr.service.up"), 3));
        screenshot("07-pipeline"); // also when the charts below never come: what the page showed instead
        waiting.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#charts path.series"), 1));
        assertThat(browser.findElements(By.cssSelector("#service-health .problem"))).as("Kafka answered").isEmpty();
        List<String> groups = browser.findElements(By.cssSelector("table.lag td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(groups).contains("enrich-service", "publish-service");
        screenshot("07-pipeline");
        assertThat(browser.findElement(By.id("page")).getText()).doesNotContain("null");
    }

    @Test
    @Order(5)
    void theConsoleIsServedWithSecurityHeadersAndOtherOriginsAreRefused() throws Exception {
        HttpResponse<Void> page = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.publish.url("/console/index.html")))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        // and a page on another origin may not call the API from a browser (CORS: no foreign origin is allowed)
        HttpResponse<Void> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.publish.url("/v1/subscriptions")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("allowed origin")
                .isNotEqualTo(java.util.Optional.of("https://elsewhere.example")).isNotEqualTo(java.util.Optional.of("*"));
    }

    private static HttpResponse<String> push(String uri) throws IOException, InterruptedException {
        try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream("/tugboats.json")) {
            ObjectNode article = ((ObjectNode) JSON.readTree(in)).put("uri", uri);
            return pipeline.push(apiKey, article);
        }
    }

    private static String adminPost(String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.publish.url(path)))
                .header("Authorization", "Bearer " + E2ePipeline.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("apiKey").asText();
    }

    private static void screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("[console] screenshot " + file.toAbsolutePath());
    }
}
