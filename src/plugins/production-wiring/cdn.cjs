// The CloudFront distribution in front of the app (decision 019), for production-wiring.cjs.
// CloudFront's managed policies (ids are fixed by AWS).
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
const ORIGIN_VERIFY_HEADER = "X-Origin-Verify";
const YEAR = 31536000;
const HOUR = 3600;

function cachePolicy(name, { min, fallback, max, vary }) {
  return {
    Type: "AWS::CloudFront::CachePolicy",
    Properties: {
      CachePolicyConfig: {
        Name: { "Fn::Sub": `\${AWS::StackName}-${name}` },
        MinTTL: min,
        DefaultTTL: fallback,
        MaxTTL: max,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingBrotli: true,
          EnableAcceptEncodingGzip: true,
          CookiesConfig: { CookieBehavior: vary ? "all" : "none" },
          HeadersConfig: vary
            ? { HeaderBehavior: "whitelist", Headers: ["Authorization"] }
            : { HeaderBehavior: "none" },
          QueryStringsConfig: { QueryStringBehavior: vary ? "all" : "none" },
        },
      },
    },
  };
}

function cacheControlPolicy(name, value) {
  return {
    Type: "AWS::CloudFront::ResponseHeadersPolicy",
    Properties: {
      ResponseHeadersPolicyConfig: {
        Name: { "Fn::Sub": `\${AWS::StackName}-${name}` },
        CustomHeadersConfig: {
          Items: [{ Header: "Cache-Control", Value: value, Override: true }],
        },
      },
    },
  };
}

// Behind CloudFront the API sees an edge server's address; the function tells the app the
// student's, overwriting any header of that name the client sent.
const VIEWER_ADDRESS_CODE = `function handler(event) {
  event.request.headers["x-viewer-address"] = { value: event.viewer.ip };
  return event.request;
}`;

function behaviour(extra) {
  return {
    TargetOriginId: "HttpApi",
    ViewerProtocolPolicy: "redirect-to-https",
    Compress: true,
    ...extra,
  };
}

const STATIC_METHODS = { AllowedMethods: ["GET", "HEAD"], CachedMethods: ["GET", "HEAD"] };
const ALL_METHODS = {
  AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
  CachedMethods: ["GET", "HEAD"],
};

/**
 * The distribution has one origin, the HTTP API: Architect already proxies /_static/* from
 * there to the static bucket, whose keys lack the /_static prefix a bucket origin would need.
 */
function addCdn(cloudformation) {
  const resources = cloudformation.Resources;
  resources.OriginVerifySecret = {
    Type: "AWS::SecretsManager::Secret",
    Properties: {
      Description: "Sent by CloudFront to the HTTP API; requests without it are refused",
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
    },
  };
  const secret = { "Fn::Sub": "{{resolve:secretsmanager:${OriginVerifySecret}:SecretString}}" };
  resources.AnyCatchallHTTPLambda.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET = secret;
  // Hashed names change with their content, so a year is safe; other files keep their names.
  resources.BuildCachePolicy = cachePolicy("build", { min: YEAR, fallback: YEAR, max: YEAR });
  resources.AssetCachePolicy = cachePolicy("assets", { min: 0, fallback: HOUR, max: HOUR });
  // Pages are cached only when the app says public, and then per cookie, so one student's page
  // can never reach another; a MaxTTL above zero is what lets CloudFront compress them.
  resources.PageCachePolicy = cachePolicy("pages", { min: 0, fallback: 0, max: 1, vary: true });
  resources.BuildHeadersPolicy = cacheControlPolicy("build", `public, max-age=${YEAR}, immutable`);
  resources.AssetHeadersPolicy = cacheControlPolicy("assets", `public, max-age=${HOUR}`);
  resources.ViewerAddressFunction = {
    Type: "AWS::CloudFront::Function",
    Properties: {
      Name: { "Fn::Sub": "${AWS::StackName}-viewer-address" },
      AutoPublish: true,
      FunctionCode: VIEWER_ADDRESS_CODE,
      FunctionConfig: { Comment: "x-viewer-address for the app", Runtime: "cloudfront-js-2.0" },
    },
  };
  const toTheApp = {
    ...ALL_METHODS,
    OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
    FunctionAssociations: [
      {
        EventType: "viewer-request",
        FunctionARN: { "Fn::GetAtt": ["ViewerAddressFunction", "FunctionMetadata.FunctionARN"] },
      },
    ],
  };
  resources.Cdn = {
    Type: "AWS::CloudFront::Distribution",
    Properties: {
      DistributionConfig: {
        Enabled: true,
        HttpVersion: "http2and3",
        PriceClass: "PriceClass_100",
        Origins: [
          {
            Id: "HttpApi",
            DomainName: { "Fn::Sub": "${HTTP}.execute-api.${AWS::Region}.amazonaws.com" },
            CustomOriginConfig: {
              OriginProtocolPolicy: "https-only",
              OriginSSLProtocols: ["TLSv1.2"],
            },
            OriginCustomHeaders: [{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: secret }],
          },
        ],
        CacheBehaviors: [
          behaviour({
            PathPattern: "/_static/build/*",
            ...STATIC_METHODS,
            CachePolicyId: { Ref: "BuildCachePolicy" },
            ResponseHeadersPolicyId: { Ref: "BuildHeadersPolicy" },
          }),
          behaviour({
            PathPattern: "/_static/*",
            ...STATIC_METHODS,
            CachePolicyId: { Ref: "AssetCachePolicy" },
            ResponseHeadersPolicyId: { Ref: "AssetHeadersPolicy" },
          }),
          behaviour({ PathPattern: "/api/*", ...toTheApp, CachePolicyId: CACHING_DISABLED }),
        ],
        DefaultCacheBehavior: behaviour({ ...toTheApp, CachePolicyId: { Ref: "PageCachePolicy" } }),
      },
    },
  };
  cloudformation.Outputs = {
    ...cloudformation.Outputs,
    CdnUrl: {
      Description: "The site's address (CloudFront)",
      Value: { "Fn::Sub": "https://${Cdn.DomainName}" },
    },
  };
}

module.exports = { addCdn };
