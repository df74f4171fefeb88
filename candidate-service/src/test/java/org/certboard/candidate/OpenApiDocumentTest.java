package org.certboard.candidate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.certboard.devstack.testing.OpenApiContract;
import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document candidate-service serves keeps the contract's rules and equals the committed docs/openapi/candidate-service.json
 * (regenerate: docs/api.md).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class OpenApiDocumentTest {

    private static String served() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString();
    }

    @Test
    void theDocumentKeepsTheContractRules() {
        assertThat(OpenApiContract.violations(OpenApiContract.parse(served()))).isEmpty();
    }

    @Test
    void theServedDocumentIsTheCommittedOne() {
        OpenApiContract.check("candidate-service", served());
    }
}
