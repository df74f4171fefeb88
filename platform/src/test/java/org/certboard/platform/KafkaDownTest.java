package org.certboard.platform;

import java.net.URL;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The service with no broker to reach: it stays ready and takes writes, which wait in the outbox. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"), @ResourceArg(name = "kafka", value = "unreachable") })
class KafkaDownTest {
    @TestHTTPResource(value = "/", management = true)
    URL management;


    @Test
    void staysReadyAndReportsTheBrokerUnreachable() {
        given().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.broker", equalTo("unreachable"));
        given().get(management + "health/live").then().statusCode(200);
    }

    @Test
    void writesAreAcceptedIntoTheOutbox() {
        given().contentType(ContentType.JSON).body("{\"email\":\"kafka-down@example.org\"}")
                .post("/test/registrations").then().statusCode(200);
        given().get(management + "health/ready").then().statusCode(200).body("checks.name", hasItem("kafka"));
    }
}
