// The service's own OpenAPI document; validatorUrl null keeps the page from calling validator.swagger.io.
window.ui = SwaggerUIBundle({
  url: '/openapi/mfa-totp.yaml',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  displayOperationId: true,
  docExpansion: 'list',
  tryItOutEnabled: false
});
